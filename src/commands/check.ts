/**
 * Checking blocks: resolve fact references, prepare the text for its language (console prompts, psql
 * meta-commands, placeholders: all length-preserving), parse, run the rules, and place every finding in the
 * document. Syntax errors are `level: 'error'`; rule findings are `level: 'rule'`, and only when the block does not
 * silence them (`allow=` in the fence meta or options.allow; `destructive` for the destructive rules).
 */
import { blankOutside, consoleCommands } from './console.ts';
import { destructiveFinding, destructiveShellCommands } from './destructive.ts';
import { extractCodeBlocks } from './extract.ts';
import { languageOf } from './languages.ts';
import { checkLogql } from './logql.ts';
import { isAllowed, parseMeta } from './meta.ts';
import { logqlParser, promqlParser, shellParser, sqlParser } from './parsers.ts';
import { fillPlaceholders, malformedPlaceholders, type Placeholder } from './placeholders.ts';
import { checkPromql } from './promql.ts';
import type { SyntaxFinding } from './queries.ts';
import { resolveReferences, type ResolvedText } from './resolve.ts';
import { shellSyntaxErrors } from './shell.ts';
import { toBlockOffset, toDocumentPosition } from './source-map.ts';
import { destructiveStatements, fromCodePoints, psqlToSql } from './sql.ts';
import type { CheckOptions, CodeBlock, CommandProblem, Finding, Language } from './types.ts';

/** A block to check: only `lang` and `text` are required (line 1, column 1, no meta, no marker by default). */
export type BlockInput = Pick<CodeBlock, 'lang' | 'text'> & Partial<CodeBlock>;

export interface CheckResult {
	problems: CommandProblem[];
}

export interface DocumentOptions extends Omit<CheckOptions, 'destructiveContext'> {
	mdx?: boolean;
	/**
	 * Adds destructive context to blocks, on top of what extractCodeBlocks finds (the `> **Destructive — …**`
	 * convention) and the fence's `destructive` flag: true for every block, or decided block by block.
	 */
	destructiveContext?: boolean | ((block: BlockInput) => boolean);
}

export interface ExpressionLocation extends Omit<CheckOptions, 'destructiveContext'> {
	/** Line and column of the expression's first character in its file (a YAML value). */
	line: number;
	column: number;
	/** Column where the expression's later lines start (a YAML block scalar's indentation + 1); default `column`. */
	continuationColumn?: number;
}

const DESTRUCTIVE_RULES = new Set(['shell/destructive-unmarked', 'sql/destructive-unmarked']);

export async function checkCodeBlock(block: BlockInput, options: CheckOptions): Promise<CheckResult> {
	return { problems: await checkBlocks([{ block, options }]) };
}

export async function checkDocument(source: string, options: DocumentOptions): Promise<CheckResult> {
	let blocks: CodeBlock[];
	try {
		blocks = extractCodeBlocks(source, { mdx: options.mdx ?? false });
	} catch (error) {
		// The MDX compiler reports the same error with more context; this only says why nothing was checked.
		const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } })
			.place;
		const line = place?.line ?? place?.start?.line ?? 1;
		const column = place?.column ?? place?.start?.column ?? 1;
		const message = `code blocks not checked: the document does not parse (${(error as Error).message})`;
		const problem: CommandProblem = {
			file: options.file,
			line,
			column,
			field: 'markdown',
			language: 'markdown',
			rule: 'syntax',
			level: 'error',
			message,
		};
		return { problems: [problem] };
	}
	const { mdx: _mdx, ...rest } = options;
	return checkCodeBlocks(blocks, rest);
}

/**
 * The blocks of one document (from extractCodeBlocks or codeBlocksFromTree). Better than checkCodeBlock in a loop:
 * the shell blocks share one parser call (shell.ts).
 */
export async function checkCodeBlocks(
	blocks: readonly BlockInput[],
	options: Omit<DocumentOptions, 'mdx'>,
): Promise<CheckResult> {
	const { destructiveContext: extra, ...common } = options;
	const jobs = blocks.map((block) => ({
		block,
		options: { ...common, destructiveContext: typeof extra === 'function' ? extra(block) : !!extra },
	}));
	return { problems: await checkBlocks(jobs) };
}

/** An expression that is not in a code block: an alert's `expr` in facts.yaml or a Prometheus rule file. */
export async function checkExpression(
	language: string,
	text: string,
	location: ExpressionLocation,
): Promise<CheckResult> {
	const lines = text.split('\n').length;
	const columns = Array.from({ length: lines }, (_, i) =>
		i === 0 ? location.column : (location.continuationColumn ?? location.column),
	);
	const { line, column: _column, continuationColumn: _continuation, ...options } = location;
	return checkCodeBlock({ lang: language, text, line, columns }, options);
}

interface Prepared {
	block: BlockInput;
	options: CheckOptions;
	language: Language;
	resolved: ResolvedText;
	/** The text the parser sees: resolved, prompts and meta-commands blanked, placeholders filled. */
	text: string;
	/** The same before placeholders were filled. */
	written: string;
	placeholders: Placeholder[];
}

async function checkBlocks(jobs: { block: BlockInput; options: CheckOptions }[]): Promise<CommandProblem[]> {
	const prepared = jobs.flatMap(({ block, options }) => prepare(block, options) ?? []);
	const shell = prepared.filter((p) => p.language === 'shell' || p.language === 'console');
	const shellErrors = new Map<Prepared, SyntaxFinding | undefined>();
	if (shell.length > 0) {
		const errors = await shellSyntaxErrors(
			await shellParser(),
			shell.map((p) => p.text),
		);
		for (const [i, p] of shell.entries()) shellErrors.set(p, errors[i]);
	}
	const problems: CommandProblem[] = [];
	for (const p of prepared) {
		const { errors, findings } = await checkPrepared(p, shellErrors.get(p));
		problems.push(...place(p, errors, findings));
	}
	return problems;
}

function prepare(block: BlockInput, options: CheckOptions): Prepared | undefined {
	const language = languageOf(block.lang);
	if (!language) return undefined;
	const resolved = resolveReferences(block.text, options.resolve);
	const raw = resolved.text;
	const blanked =
		language === 'console' ? blankOutside(raw, consoleCommands(raw)) : language === 'sql' ? psqlToSql(raw) : raw;
	// After blanking, console prompts are gone: fill as shell.
	const filled = fillPlaceholders(blanked, language === 'console' ? 'shell' : language);
	return {
		block,
		options,
		language,
		resolved,
		text: filled.text,
		written: blanked,
		placeholders: filled.placeholders,
	};
}

async function checkPrepared(
	p: Prepared,
	shellError: SyntaxFinding | undefined,
): Promise<{ errors: SyntaxFinding[]; findings: Finding[] }> {
	const context = {
		placeholders: p.placeholders,
		written: p.written,
		...(p.options.schema ? { schema: p.options.schema } : {}),
	};
	switch (p.language) {
		case 'promql':
			return checkPromql(await promqlParser(), p.text, context);
		case 'logql':
			return checkLogql(await logqlParser(), p.text, context);
		case 'shell':
		case 'console': {
			const findings = destructiveShellCommands(p.text).map((d) => destructiveFinding(d, 'shell/destructive-unmarked'));
			return { errors: shellError ? [shellError] : [], findings };
		}
		case 'sql': {
			// libpg-query refuses an empty query; a block of only meta-commands is blank here.
			if (!p.text.trim()) return { errors: [], findings: [] };
			const parse = await sqlParser();
			try {
				const findings = destructiveStatements(parse(p.text), p.text).map((d) =>
					destructiveFinding(d, 'sql/destructive-unmarked'),
				);
				return { errors: [], findings };
			} catch (error) {
				const details = (error as { sqlDetails?: { cursorPosition?: number; message?: string } }).sqlDetails;
				const offset = fromCodePoints(p.text, details?.cursorPosition ?? 0);
				// `at or near "xtablex"`: quote what is written there (a placeholder), not its filler.
				const message = (details?.message ?? (error as Error).message).replace(/"([^"]*)"/, (quoted, token: string) =>
					p.text.startsWith(token, offset) ? `"${p.written.slice(offset, offset + token.length)}"` : quoted,
				);
				return { errors: [{ offset, message }], findings: [] };
			}
		}
	}
}

/** Findings placed in the document, silenced ones dropped. */
function place(p: Prepared, errors: SyntaxFinding[], findings: Finding[]): CommandProblem[] {
	const meta = parseMeta(p.block.meta);
	const allow = [...meta.allow, ...(p.options.allow ?? [])];
	const destructive = meta.destructive || !!p.block.destructiveContext || !!p.options.destructiveContext;
	const where = { text: p.block.text, line: p.block.line ?? 1, columns: p.block.columns ?? [] };
	const problem = (offset: number, rule: string, message: string): CommandProblem => {
		const inBlock = toBlockOffset(p.resolved.segments, offset);
		const at = toDocumentPosition(where, inBlock.offset);
		const suffix = inBlock.reference ? ` (in the value of ${inBlock.reference})` : '';
		const text =
			rule === 'syntax' ? `${message}${suffix}${placeholderHint(p.text, offset)}` : `${message}${suffix} [${rule}]`;
		const level = rule === 'syntax' ? 'error' : 'rule';
		return {
			file: p.options.file,
			line: at.line,
			column: at.column,
			field: p.language,
			language: p.language,
			rule,
			level,
			message: text,
		};
	};
	return [
		...errors.map((e) => problem(e.offset, 'syntax', e.message)),
		...findings
			.filter((f) => !isAllowed(f.rule, allow) && !(destructive && DESTRUCTIVE_RULES.has(f.rule)))
			.map((f) => problem(f.offset, f.rule, f.message)),
	].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A syntax error on a line with `<new tag>` is most likely that: say how placeholders are written. */
function placeholderHint(text: string, offset: number): string {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	const end = text.indexOf('\n', offset);
	const bad = malformedPlaceholders(text.slice(start, end === -1 ? text.length : end))[0];
	return bad ? ` (placeholders are written <lower-case-name>, and ${bad} is not one)` : '';
}
