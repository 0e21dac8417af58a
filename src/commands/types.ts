/**
 * Shapes shared by the command checks. A problem is a ContentProblem (file, line, column, field, message) with the
 * language, the rule and the level added, so the build can pass it to ContentError unchanged: `field` holds the
 * language, which makes formatProblem print `file:line:column language: message` too.
 */

/** Languages with a parser; a fence tag maps to one of them (languages.ts). */
export type Language = 'promql' | 'logql' | 'shell' | 'console' | 'sql';

/** One fenced code block of a document, as extractCodeBlocks finds it. */
export interface CodeBlock {
	/** Fence tag as written (`bash`, `promql`); '' without one. */
	lang: string;
	/** The rest of the fence line (`allow=rate-on-gauge destructive`); '' without one. */
	meta: string;
	/** Content, with the indentation of its container (list item, blockquote) removed by the Markdown parser. */
	text: string;
	/** 1-based document line of the first content line (the line after the fence). */
	line: number;
	/**
	 * 1-based document column where each content line's text starts: a block inside a list item or a blockquote
	 * starts further right, and a column in `text` is off by that much. Missing entries count as column 1.
	 */
	columns: number[];
	/** The block follows a destructive-step marker (`> **Destructive — …**`) or sits inside one (extract.ts). */
	destructiveContext: boolean;
}

/** What the facts file declares about logs and metrics; every part optional, and nothing is checked without it. */
export interface CommandSchema {
	/** Loki stream labels; JSON or logfmt field names after `| json` / `| logfmt` (nested JSON flattened with `_`). */
	logSchema?: { labels: string[]; fields: string[] };
	metrics?: Record<string, MetricSchema>;
	/** Labels every scraped series carries (job, instance, …). */
	metricTargetLabels?: string[];
}

export interface MetricSchema {
	type: 'counter' | 'gauge' | 'histogram' | 'summary';
	labels: string[];
}

export type ProblemLevel = 'error' | 'rule';

export interface CommandProblem {
	file: string;
	line: number;
	column: number;
	/** The language, so ContentError's formatProblem prints `file:line:column language: message`. */
	field: string;
	/** `markdown` only when the document itself does not parse and no block could be checked. */
	language: Language | 'markdown';
	/** `syntax`, or a rule id such as `promql/rate-on-gauge`. */
	rule: string;
	/** Syntax errors are errors (the build fails in every profile); rule findings fail it in strict mode only. */
	level: ProblemLevel;
	message: string;
}

/** Replaces fact references before the check, so the checked text is the text the reader copies. */
export type Resolve = (reference: string) => string;

export interface CheckOptions {
	file: string;
	/** Applied to each `{facts.x}` / `{env.x}` reference on its own (see resolve.ts for why). */
	resolve?: Resolve;
	schema?: CommandSchema;
	/** The step the block belongs to is marked destructive (the caller knows the surrounding content). */
	destructiveContext?: boolean;
	/** Rule ids to silence, like the fence's `allow=` (for expressions that come from YAML and have no fence). */
	allow?: string[];
}

/** A finding inside the checked text, before it is placed in the document. */
export interface Finding {
	/** Offset in the checked text. */
	offset: number;
	rule: string;
	message: string;
}

/** What a language's rules get besides the text. */
export interface RuleContext {
	schema?: CommandSchema;
	/** The checked text before placeholders were filled (same length), for messages that quote it. */
	written: string;
	/** Ranges of the checked text that hold placeholders: names there are the reader's to choose, not checked. */
	placeholders: readonly { start: number; end: number }[];
}
