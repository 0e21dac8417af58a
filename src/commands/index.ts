/**
 * Commands and queries in code blocks, checked with each language's own parser (issue #18). See README.md here.
 * Pure apart from loading the parsers (WASM for shell and SQL, on first use).
 */
export { checkCodeBlock, checkCodeBlocks, checkDocument, checkExpression } from './check.ts';
export type { BlockInput, CheckResult, DocumentOptions, ExpressionLocation } from './check.ts';
export { codeBlocksFromTree, extractCodeBlocks, isDestructiveMarker, parseDocument } from './extract.ts';
export { findPlaceholders } from './placeholders.ts';
export type { Placeholder } from './placeholders.ts';
export { formatCommandProblem } from './format.ts';
export { CHECKED_TAGS, languageOf } from './languages.ts';
export { parseMeta } from './meta.ts';
export type { FenceMeta } from './meta.ts';
export { loadParsers } from './load.ts';
export type {
	CheckOptions,
	CodeBlock,
	CommandProblem,
	CommandSchema,
	Language,
	MetricSchema,
	ProblemLevel,
	Resolve,
} from './types.ts';
export { rehypePlaceholders } from './rehype-placeholders.ts';
