/**
 * What PromQL and LogQL share: one block may hold several queries, and lezer reports errors as error nodes
 * without a message.
 *
 * Several queries in one block (`histogram_quantile(0.99, …)` then `histogram_quantile(0.50, …)` on the next line)
 * are common in runbooks, and parsed as one they are a syntax error. A new query starts on a line that begins in
 * the block's first column, when every bracket of the query before is closed, the line does not start with an
 * operator, a closing bracket, `|` or a modifier keyword (`by`, `on`, `offset`, …), and the line before does not
 * end with an operator or an opening bracket. Continuation lines are written indented, or start with an operator.
 * If a split part fails but the whole block parses, the block is one query and passes.
 */
import type { SyntaxNode, Tree } from '@lezer/common';

export interface Span {
	start: number;
	end: number;
}

const CONTINUES =
	/^(?:[-+*/%^)\]}|,@]|[=!<>]=|[<>]|(?:and|or|unless|by|without|on|ignoring|group_left|group_right|offset|bool)\b)/;
const ENDS_OPEN = /(?:[-+*/%^([{|,=<>~]|\b(?:and|or|unless|by|without|bool))$/;

export function splitQueries(text: string): Span[] {
	const spans: Span[] = [];
	let start = 0;
	let lineStart = 0;
	let depth = 0;
	let hasContent = false;
	let last = '';
	for (const line of text.split('\n')) {
		const { code, delta } = scanLine(line);
		const trimmed = code.trim();
		if (trimmed) {
			const fresh = hasContent && depth <= 0 && !/^\s/.test(line) && !CONTINUES.test(trimmed) && !ENDS_OPEN.test(last);
			if (fresh) {
				spans.push({ start, end: lineStart });
				start = lineStart;
			}
			hasContent = true;
			depth += delta;
			last = trimmed;
		}
		lineStart += line.length + 1;
	}
	spans.push({ start, end: text.length });
	return spans;
}

/** The line without its `#` comment, and how much it changes the bracket depth (strings skipped). */
function scanLine(line: string): { code: string; delta: number } {
	let delta = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (c === '#') return { code: line.slice(0, i), delta };
		if (c === '"' || c === "'" || c === '`') i = skipString(line, i);
		else if ('([{'.includes(c)) delta++;
		else if (')]}'.includes(c)) delta--;
	}
	return { code: line, delta };
}

function skipString(text: string, i: number): number {
	const quote = text[i];
	for (let j = i + 1; j < text.length; j++) {
		if (text[j] === '\\' && quote !== '`') j++;
		else if (text[j] === quote || text[j] === '\n') return j;
	}
	return text.length;
}

/** Brackets opened and never closed, innermost last (strings and comments skipped). */
export function unclosedBrackets(text: string): { offset: number; bracket: string }[] {
	const stack: { offset: number; bracket: string }[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '#') {
			const eol = text.indexOf('\n', i);
			i = eol === -1 ? text.length : eol;
		} else if (c === '"' || c === "'" || c === '`') i = skipString(text, i);
		else if ('([{'.includes(c)) stack.push({ offset: i, bracket: c });
		else if (')]}'.includes(c)) stack.pop();
	}
	return stack;
}

export interface SyntaxFinding {
	offset: number;
	message: string;
}

/**
 * The first error node of a lezer tree, as a position and a message. Lezer recovers and may report more errors
 * after the first one, but they are mostly echoes of it; the first one is where the reader should look.
 */
export function firstError(tree: Tree, text: string, what: string, written: string = text): SyntaxFinding | undefined {
	let error: { from: number; to: number } | undefined;
	tree.iterate({
		enter(node) {
			if (error) return false;
			if (node.type.isError) {
				error = { from: node.from, to: node.to };
				return false;
			}
			return undefined;
		},
	});
	if (!error) return undefined;
	// Messages quote the text as written (a placeholder, not its filler); offsets are the same in both.
	const bad = written.slice(error.from, error.to).trim();
	if (bad) {
		return { offset: error.from + text.slice(error.from).search(/\S/), message: `unexpected ${quote(token(bad))}` };
	}
	const rest = written
		.slice(error.from)
		.replace(/#[^\n]*/g, '')
		.trim();
	if (rest) {
		return {
			offset: error.from + text.slice(error.from).search(/\S/),
			message: `unexpected ${quote(token(rest))}`,
		};
	}
	const open = unclosedBrackets(text).pop();
	if (open) return { offset: open.offset, message: `"${open.bracket}" is never closed` };
	const before = written
		.slice(0, error.from)
		.replace(/#[^\n]*/g, '')
		.trimEnd();
	const lastToken = /(\S+)$/.exec(before)?.[1] ?? '';
	return {
		offset: Math.max(0, before.length - lastToken.length),
		message: lastToken ? `${what} ends after ${quote(lastToken)}: something is missing` : `empty ${what}`,
	};
}

/** The token at the start of `text`, for messages: a placeholder, a word, a number, a string or an operator. */
const TOKEN = new RegExp(
	[
		/<[a-z][a-z0-9_-]*>/.source,
		/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.source,
		/[A-Za-z_:][A-Za-z0-9_:]*/.source,
		/[0-9.]+[a-z]*/.source,
		/"(?:[^"\\]|\\.)*"/.source,
		/[=!<>]=|=~|!~|\|[=~]|\S/.source,
	]
		.map((p) => `^(?:${p})`)
		.join('|'),
);

function token(text: string): string {
	return TOKEN.exec(text)?.[0] ?? text[0]!;
}

function quote(text: string): string {
	const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
	return `"${short.replace(/\s+/g, ' ')}"`;
}

export interface ParsedQuery {
	tree: Tree;
	/** Offset of the query in the block's checked text: add it to node positions. */
	start: number;
	text: string;
}

export interface ParsedQueries {
	errors: SyntaxFinding[];
	/** The queries that parsed without error, for the rules. */
	queries: ParsedQuery[];
}

/** Parses every query of a block (see splitQueries); one error at most per query. `written`: see firstError. */
export function parseQueries(
	parse: (text: string) => Tree,
	text: string,
	what: string,
	written: string = text,
): ParsedQueries {
	const errors: SyntaxFinding[] = [];
	const queries: ParsedQuery[] = [];
	for (const span of splitQueries(text)) {
		const part = text.slice(span.start, span.end);
		if (!part.replace(/#[^\n]*/g, '').trim()) continue;
		const tree = parse(part);
		const error = firstError(tree, part, what, written.slice(span.start, span.end));
		if (error) errors.push({ offset: span.start + error.offset, message: error.message });
		else queries.push({ tree, start: span.start, text: part });
	}
	if (errors.length > 0) {
		const tree = parse(text);
		if (!firstError(tree, text, what)) return { errors: [], queries: [{ tree, start: 0, text }] };
	}
	return { errors, queries };
}

/** The node's child nodes, in order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
	const out: SyntaxNode[] = [];
	for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
	return out;
}

/** Every descendant of `node` (itself included) whose type name is in `names`. */
export function descendants(node: SyntaxNode, names: ReadonlySet<string>): SyntaxNode[] {
	const out: SyntaxNode[] = [];
	const walk = (n: SyntaxNode) => {
		if (names.has(n.name)) out.push(n);
		for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
	};
	walk(node);
	return out;
}
