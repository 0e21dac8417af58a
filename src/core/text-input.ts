/**
 * Input as people write it (issue #22): a UTF-8 byte order mark before the front matter, Windows (CRLF) or old Mac
 * (CR) line endings, a day that does not exist, and YAML that is hostile (alias bombs) or just too big.
 *
 *   - normalizeSource: the one place text files are made plain (no BOM, LF only), for every reader of content files;
 *     remarkNormalizeNewlines does the same inside a Markdown tree, so no carriage return ever reaches the HTML.
 *   - isRealDate / parseIsoDate: strict ISO 8601 days and times, refusing 2026-02-30 (which `new Date()` turns into
 *     2 March without a word) and 2025-02-29.
 *   - parseYamlSafe: a drop-in superset of parseYamlWithLines (src/core/yaml.ts), same shape, plus a size cap
 *     checked before parsing and the yaml library's own alias cap (maxAliasCount), both reported as problems that
 *     name the file and the reason instead of an unhandled ReferenceError.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';

const BOM = '\uFEFF';

/** Strip a leading UTF-8 byte order mark and turn CRLF and lone CR into LF. Line numbers are unchanged for CRLF. */
export function normalizeSource(text: string): string {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

interface ValueNode {
	value?: unknown;
	children?: ValueNode[];
}

/** Every string `value` in a unist tree (text, code, inline code, raw HTML, YAML, MDX expressions), CR-free. */
export function normalizeTreeNewlines<T>(tree: T): T {
	const visit = (node: ValueNode) => {
		if (typeof node.value === 'string' && node.value.includes('\r')) node.value = node.value.replace(/\r\n?/g, '\n');
		if (Array.isArray(node.children)) for (const child of node.children) visit(child);
	};
	visit(tree as ValueNode);
	return tree;
}

/**
 * A remark (or rehype) plugin: `remarkPlugins: [remarkNormalizeNewlines, …]`. Markdown parsers accept CRLF as a line
 * ending but keep it inside text and code values, so a file saved on Windows put `\r` into the HTML.
 */
export function remarkNormalizeNewlines() {
	return <T>(tree: T): T => normalizeTreeNewlines(tree);
}

// ── Dates ────────────────────────────────────────────────────────────────────────────────────────────────────────

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export type ParsedDate = { ok: true; date: Date } | { ok: false; reason: string };

/** Why year-month-day is not a day of the calendar, or undefined when it is. */
function dayProblem(year: number, month: number, day: number): string | undefined {
	if (month < 1 || month > 12) return `month ${month} does not exist`;
	const days = daysInMonth(year, month);
	if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days, so day ${day} does not exist`;
	return undefined;
}

/**
 * A day (`2026-01-31`, UTC midnight) or a moment (`2026-01-31T10:05Z`, `2026-01-31T10:05:00.5+02:00`), strictly:
 * the day must exist, the hour be 0-23, the minute and second 0-59, an offset at most 14:00.
 */
export function parseIsoDate(text: string): ParsedDate {
	const s = text.trim();
	const day = DAY.exec(s);
	if (day) {
		const [year, month, date] = day.slice(1, 4).map(Number) as [number, number, number];
		const problem = dayProblem(year, month, date);
		return problem
			? { ok: false, reason: `${s}: ${problem}` }
			: { ok: true, date: new Date(Date.UTC(year, month - 1, date)) };
	}
	const moment = DATE_TIME.exec(s);
	if (!moment)
		return { ok: false, reason: `expected a date like 2026-01-31 or a time like 2026-01-31T10:05:00Z, not "${s}"` };
	const [year, month, date, hour, minute] = moment.slice(1, 6).map(Number) as [number, number, number, number, number];
	const second = moment[6] === undefined ? 0 : Number(moment[6]);
	const problem =
		dayProblem(year, month, date) ??
		(hour > 23 ? `hour ${hour} does not exist` : undefined) ??
		(minute > 59 ? `minute ${minute} does not exist` : undefined) ??
		(second > 59 ? `second ${second} does not exist` : undefined) ??
		offsetProblem(moment[8]!);
	if (problem) return { ok: false, reason: `${s}: ${problem}` };
	const date2 = new Date(s.replace(' ', 'T'));
	return Number.isNaN(date2.getTime()) ? { ok: false, reason: `${s}: not a time` } : { ok: true, date: date2 };
}

function offsetProblem(offset: string): string | undefined {
	if (offset === 'Z') return undefined;
	const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
	return h > 14 || m > 59 || (h === 14 && m > 0) ? `offset ${offset} does not exist` : undefined;
}

/** True for a `YYYY-MM-DD` that is a day of the calendar: 2024-02-29 yes, 2025-02-29 and 2026-02-30 no. */
export function isRealDate(text: string): boolean {
	return DAY.test(text.trim()) && parseIsoDate(text).ok;
}

// ── YAML ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The yaml library's default, kept: a real facts file uses a handful of aliases at most. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;
/**
 * 256 KiB. This site's facts.yaml is 36 KB (parsed in 18 ms), a record a few KB. Measured here: the yaml library's
 * duplicate-key check is quadratic in the keys of one mapping, so one flat mapping of 64 KiB takes 0.12 s, 256 KiB
 * 0.6 to 0.9 s, 1 MiB 20 to 28 s. The cap keeps a mistaken or hostile file under a second.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024;

export interface YamlSafetyOptions {
	/** The file the source comes from, for problem messages. */
	file?: string;
	/** Added to every line number (front matter starts below the `---` line). */
	lineOffset?: number;
	/** Aliases a document may expand (the yaml library's maxAliasCount; -1 for no limit). */
	maxAliasCount?: number;
	/** Largest source accepted, in UTF-8 bytes. */
	maxBytes?: number;
}

export interface YamlProblem {
	file?: string;
	line: number;
	column: number;
	/** What went wrong, in a sentence that stands alone: "too many aliases (YAML alias bomb?)". */
	message: string;
	kind: 'syntax' | 'aliases' | 'size';
}

/** Same shape as parseYamlWithLines' result (src/core/yaml.ts), plus `problems`. */
export interface SafeYaml {
	data: unknown;
	/** 1-based line of the value at `path`, or of its nearest existing parent; `lineOffset` added. */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	/** Syntax errors, and the alias and size problems too, so callers that only read this field report them. */
	syntaxErrors: Array<{ line: number; column: number; message: string }>;
	/** Every problem, with the file. */
	problems: YamlProblem[];
}

/**
 * Parse YAML keeping positions, safely. A BOM and CR line endings are accepted (normalizeSource). A source over
 * `maxBytes` is refused before parsing; a document expanding more than `maxAliasCount` aliases (a "billion laughs"
 * bomb) is refused by the yaml library as soon as the count is passed, and that becomes a problem here.
 */
export function parseYamlSafe(source: string, options: YamlSafetyOptions = {}): SafeYaml {
	const lineOffset = options.lineOffset ?? 0;
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const where = options.file ? `${options.file}: ` : '';
	const bytes = Buffer.byteLength(source, 'utf8');
	if (bytes > maxBytes) {
		return failed(options.file, lineOffset, 'size', `${where}file is larger than ${maxBytes} bytes (${bytes} bytes)`);
	}
	const text = normalizeSource(source);
	const counter = new LineCounter();
	const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	const syntaxErrors = doc.errors.map((e) => {
		const pos = counter.linePos(e.pos[0]);
		return { line: pos.line + lineOffset, column: pos.col, message: e.message.split('\n')[0] ?? e.message };
	});
	const lineOf = (path: ReadonlyArray<PropertyKey>) => locate(doc, counter, path, lineOffset);
	if (syntaxErrors.length) {
		const problems = syntaxErrors.map((e) => problem(options.file, e.line, e.column, `${where}${e.message}`, 'syntax'));
		return { data: undefined, lineOf, syntaxErrors, problems };
	}
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT });
	} catch (error) {
		// yaml throws ReferenceError('Excessive alias count indicates a resource exhaustion attack').
		if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
		const line = firstAliasLine(text, counter) + lineOffset;
		return failed(options.file, line, 'aliases', `${where}too many aliases (YAML alias bomb?)`, lineOf);
	}
	return { data, lineOf, syntaxErrors, problems: [] };
}

/** parseYamlWithLines' signature (src/core/yaml.ts) with the safety of parseYamlSafe: swap the import. */
export function parseYamlWithLines(
	source: string,
	lineOffset = 0,
	options: Omit<YamlSafetyOptions, 'lineOffset'> = {},
): SafeYaml {
	return parseYamlSafe(source, { ...options, lineOffset });
}

function failed(
	file: string | undefined,
	line: number,
	kind: YamlProblem['kind'],
	message: string,
	lineOf: (path: ReadonlyArray<PropertyKey>) => number = () => line,
): SafeYaml {
	const at = Math.max(line, 1);
	return {
		data: undefined,
		lineOf,
		syntaxErrors: [{ line: at, column: 1, message }],
		problems: [problem(file, at, 1, message, kind)],
	};
}

function problem(
	file: string | undefined,
	line: number,
	column: number,
	message: string,
	kind: YamlProblem['kind'],
): YamlProblem {
	const p: YamlProblem = { line, column, message, kind };
	if (file !== undefined) p.file = file;
	return p;
}

/** Where the trouble starts: the first alias (`*name`) outside quotes, else line 1. */
function firstAliasLine(text: string, counter: LineCounter): number {
	const m = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
	return m ? counter.linePos(m.index + m[1]!.length).line : 1;
}

function locate(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>, lineOffset: number): number {
	for (let n = path.length; n >= 0; n--) {
		const keys = path.slice(0, n).map((k) => (typeof k === 'symbol' ? String(k) : k));
		const node = n === 0 ? doc.contents : doc.getIn(keys, true);
		const pair = n > 0 ? findPairKey(doc, keys) : undefined;
		const range = (pair ?? node) as { range?: [number, number, number] } | undefined;
		if (range?.range) return counter.linePos(range.range[0]).line + lineOffset;
	}
	return 1 + lineOffset;
}

/** The key node of the last path segment: pointing at `owner:` reads better than at its value. */
function findPairKey(doc: Document, keys: ReadonlyArray<string | number>): unknown {
	const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
	const items = (parent as { items?: Array<{ key?: { value?: unknown; range?: unknown } }> } | null)?.items;
	if (!Array.isArray(items)) return undefined;
	const last = keys[keys.length - 1];
	if (typeof last === 'number') return undefined;
	return items.find((item) => item?.key && (item.key as { value?: unknown }).value === last)?.key;
}

/** A text file as people write it, normalised: no BOM, LF line endings. Every content reader uses this. */
export function readText(file: string): string {
	return normalizeSource(readFileSync(file, 'utf8'));
}
