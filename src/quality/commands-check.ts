/**
 * Commands and queries in the content, checked with each language's own parser (src/commands/): every fenced block
 * of every document and card, and the alert expressions in facts.yaml. Facts are resolved first, so what is checked
 * is what the reader copies. Syntax errors always fail; rule findings fail under the strict profile and are
 * warnings otherwise.
 */
import fs from 'node:fs';
import {
	checkCodeBlocks,
	checkExpression,
	codeBlocksFromTree,
	type CommandProblem,
	type CommandSchema,
} from '../commands/index.ts';
import type { SourceFile } from '../core/content-files.ts';
import { readText } from '../core/text-input.ts';
import { replaceFactReferences, type LoadedFacts } from '../facts/facts.ts';

export interface CommandCheck {
	errors: CommandProblem[];
	findings: CommandProblem[];
	blocks: number;
	ms: number;
}

export interface ParsedFile {
	file: string;
	tree: import('mdast').Root;
	text: string;
}

export async function checkCommands(loaded: LoadedFacts, files: ParsedFile[]): Promise<CommandCheck> {
	const started = performance.now();
	const { facts } = loaded;
	const resolve = (reference: string) => replaceFactReferences(reference, facts);
	const schema = commandSchemaOf(facts);
	const problems: CommandProblem[] = [];
	let blocks = 0;
	for (const { file, tree, text } of files) {
		const found = codeBlocksFromTree(tree, text);
		blocks += found.length;
		const result = await checkCodeBlocks(found, { file, resolve, schema });
		problems.push(...result.problems);
	}
	const text = fs.existsSync(loaded.file) ? readText(loaded.file).split('\n') : [];
	for (const [name, alert] of Object.entries(facts.alerts)) {
		const expr = (alert as { expr?: unknown }).expr;
		if (typeof expr !== 'string') continue;
		blocks++;
		const at = locateValue(text, loaded.lineOf(['alerts', name, 'expr']));
		const result = await checkExpression('promql', expr, { file: loaded.file, resolve, schema, ...at });
		problems.push(...result.problems);
	}
	return {
		errors: problems.filter((p) => p.level === 'error'),
		findings: problems.filter((p) => p.level === 'rule'),
		blocks,
		ms: Math.round(performance.now() - started),
	};
}

/** The schemas queries are checked against, when facts.yaml declares them (logSchema, metrics, metricTargetLabels). */
export function commandSchemaOf(facts: LoadedFacts['facts']): CommandSchema {
	const f = facts as Record<string, unknown>;
	const schema: CommandSchema = {};
	if (f.logSchema) schema.logSchema = f.logSchema as NonNullable<CommandSchema['logSchema']>;
	if (f.metrics) schema.metrics = f.metrics as NonNullable<CommandSchema['metrics']>;
	if (f.metricTargetLabels) schema.metricTargetLabels = f.metricTargetLabels as string[];
	return schema;
}

/** Where a YAML value starts: after `key:` on its line, or on the next line for a block scalar (| or >). */
function locateValue(lines: string[], line: number): { line: number; column: number; continuationColumn?: number } {
	const text = lines[line - 1] ?? '';
	const m = /^(\s*[\w"'-]+:\s*)(.*)$/.exec(text);
	if (!m) return { line, column: 1 };
	const value = m[2]!;
	if (/^[|>][+-]?\s*$/.test(value)) {
		const next = lines[line] ?? '';
		const indent = next.length - next.trimStart().length;
		return { line: line + 1, column: indent + 1, continuationColumn: indent + 1 };
	}
	const quote = /^["']/.test(value) ? 1 : 0;
	return { line, column: m[1]!.length + 1 + quote };
}

export type { SourceFile };
