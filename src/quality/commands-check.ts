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

/** How the commands of every file are checked: fact references resolved, queries against the facts' schemas. */
export interface CommandContext {
	resolve: (reference: string) => string;
	schema: CommandSchema;
}

export function commandContext({ facts }: LoadedFacts): CommandContext {
	return { resolve: (reference) => replaceFactReferences(reference, facts), schema: commandSchemaOf(facts) };
}

/** The fenced blocks of one parsed document or card. */
export async function checkFileCommands(
	file: string,
	tree: import('mdast').Root,
	text: string,
	context: CommandContext,
): Promise<{ problems: CommandProblem[]; blocks: number; ms: number }> {
	const started = performance.now();
	const found = codeBlocksFromTree(tree, text);
	const result = await checkCodeBlocks(found, { file, ...context });
	return { problems: result.problems, blocks: found.length, ms: performance.now() - started };
}

/** The alert expressions of facts.yaml (`alerts.<name>.expr`), at their lines there. */
export async function checkFactsCommands(
	loaded: LoadedFacts,
	context: CommandContext,
): Promise<{ problems: CommandProblem[]; blocks: number; ms: number }> {
	const started = performance.now();
	const problems: CommandProblem[] = [];
	let blocks = 0;
	const text = fs.existsSync(loaded.file) ? readText(loaded.file).split('\n') : [];
	for (const [name, alert] of Object.entries(loaded.facts.alerts)) {
		const expr = (alert as { expr?: unknown }).expr;
		if (typeof expr !== 'string') continue;
		blocks++;
		const at = locateValue(text, loaded.lineOf(['alerts', name, 'expr']));
		const result = await checkExpression('promql', expr, { file: loaded.file, ...context, ...at });
		problems.push(...result.problems);
	}
	return { problems, blocks, ms: performance.now() - started };
}

/** Errors apart from rule findings, with the count of blocks and the time the parsers took. */
export function commandCheck(problems: CommandProblem[], blocks: number, ms: number): CommandCheck {
	return {
		errors: problems.filter((p) => p.level === 'error'),
		findings: problems.filter((p) => p.level === 'rule'),
		blocks,
		ms: Math.round(ms),
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
