/**
 * SQL (PostgreSQL dialect, tags sql and psql): syntax with libpg-query (the server's own parser, built to WASM),
 * then the destructive rule on its tree.
 *
 * psql is more than SQL. Before parsing, with every length kept so positions stay exact:
 *   - meta-commands (`\copy …`, `\d+ t`, `\set x 1`, `\gx` after a query: a backslash outside quotes and comments,
 *     to the end of the line) are blanked; `\g` and its forms end a statement, so they leave a `;` behind;
 *   - data lines after `COPY … FROM STDIN` or `\copy … from stdin`, up to `\.`, are blanked;
 *   - psql variables `:name`, `:'name'`, `:"name"` become a word, a string, an identifier.
 */
import { charOffset } from './source-map.ts';
import type { Destructive } from './destructive.ts';

/** The text as the SQL parser should see it (same length). */
export function psqlToSql(text: string): string {
	const out = text.split('');
	let i = 0;
	let copyData = false;
	const blank = (from: number, to: number) => {
		for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
	};
	while (i < text.length) {
		if (copyData) {
			const eol = text.indexOf('\n', i);
			const end = eol === -1 ? text.length : eol;
			if (text.slice(i, end).trim() === '\\.') copyData = false;
			blank(i, end);
			i = end + 1;
			continue;
		}
		const c = text[i]!;
		const next = text[i + 1];
		if (c === '-' && next === '-') i = lineEnd(text, i);
		else if (c === '/' && next === '*') {
			const end = text.indexOf('*/', i + 2);
			i = end === -1 ? text.length : end + 2;
		} else if (c === "'") i = stringEnd(text, i, /[Ee]/.test(text[i - 1] ?? '') && !/\w/.test(text[i - 2] ?? ''));
		else if (c === '"') i = text.indexOf('"', i + 1) === -1 ? text.length : text.indexOf('"', i + 1) + 1;
		else if (c === '$' && /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.test(text.slice(i))) {
			const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))![0];
			const end = text.indexOf(tag, i + tag.length);
			i = end === -1 ? text.length : end + tag.length;
		} else if (c === '\\') {
			const end = lineEnd(text, i);
			const command = text.slice(i, end);
			blank(i, end);
			if (/^\\g(?:x|set|exec|desc)?\b/.test(command) || /^\\(?:crosstabview|watch)\b/.test(command)) out[i] = ';';
			if (/^\\copy\b.*\bfrom\s+stdin\b/i.test(command)) copyData = true;
			i = end;
		} else if (
			c === ':' &&
			next !== ':' &&
			text[i - 1] !== ':' &&
			/^:(?:'[A-Za-z_]\w*'|"[A-Za-z_]\w*"|[A-Za-z_]\w*)/.test(text.slice(i))
		) {
			const v = /^:(?:'[A-Za-z_]\w*'|"[A-Za-z_]\w*"|[A-Za-z_]\w*)/.exec(text.slice(i))![0];
			const filler = /^:['"]/.test(v) ? `${v[1]}${'x'.repeat(v.length - 2)}${v[1]}` : `x${'x'.repeat(v.length - 1)}`;
			for (let k = 0; k < v.length; k++) out[i + k] = filler[k]!;
			i += v.length;
		} else if (c === ';' && /\bfrom\s+stdin\s*$/i.test(statementBefore(text, i))) {
			copyData = true;
			i = lineEnd(text, i) + 1;
		} else i++;
	}
	return out.join('');
}

function lineEnd(text: string, from: number): number {
	const eol = text.indexOf('\n', from);
	return eol === -1 ? text.length : eol;
}

function stringEnd(text: string, from: number, backslashEscapes: boolean): number {
	for (let i = from + 1; i < text.length; i++) {
		if (backslashEscapes && text[i] === '\\') i++;
		else if (text[i] === "'" && text[i + 1] === "'") i++;
		else if (text[i] === "'") return i + 1;
	}
	return text.length;
}

function statementBefore(text: string, end: number): string {
	return text.slice(Math.max(0, text.lastIndexOf(';', end - 1) + 1), end);
}

/** libpg-query's error cursor counts code points; a JavaScript string counts UTF-16 units. */
export function fromCodePoints(text: string, points: number): number {
	let i = 0;
	for (let n = 0; n < points && i < text.length; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
	return i;
}

interface RawStmt {
	stmt?: Record<string, Record<string, unknown>>;
	stmt_location?: number;
}

/** Destructive statements in a parse result (`sql` is the text that was parsed; locations count bytes). */
export function destructiveStatements(result: { stmts?: readonly unknown[] }, sql: string): Destructive[] {
	const found: Destructive[] = [];
	for (const raw of (result.stmts ?? []) as RawStmt[]) {
		const [kind, node] = Object.entries(raw.stmt ?? {})[0] ?? [];
		if (!kind || !node) continue;
		const what =
			destructiveKind(kind, node) ??
			(callsFunction(node, 'pg_terminate_backend') ? 'pg_terminate_backend()' : undefined);
		if (what) found.push({ offset: firstToken(sql, charOffset(sql, raw.stmt_location ?? 0)), what });
	}
	return found;
}

function destructiveKind(kind: string, node: Record<string, unknown>): string | undefined {
	if (kind === 'DropStmt') {
		return `DROP ${String(node.removeType ?? '')
			.replace(/^OBJECT_/, '')
			.replace(/_/g, ' ')}`.trim();
	}
	if (kind === 'DropdbStmt') return 'DROP DATABASE';
	if (kind.startsWith('Drop')) {
		return `DROP ${kind
			.slice(4, -4)
			.replace(/([a-z])([A-Z])/g, '$1 $2')
			.toUpperCase()}`;
	}
	if (kind === 'TruncateStmt') return 'TRUNCATE';
	if (kind === 'DeleteStmt' && !node.whereClause) return 'DELETE without WHERE';
	if (kind === 'UpdateStmt' && !node.whereClause) return 'UPDATE without WHERE';
	if (kind === 'AlterTableStmt' && JSON.stringify(node.cmds ?? []).includes('"AT_DropColumn"')) {
		return 'ALTER TABLE … DROP COLUMN';
	}
	return undefined;
}

function callsFunction(node: unknown, name: string): boolean {
	if (Array.isArray(node)) return node.some((n) => callsFunction(n, name));
	if (!node || typeof node !== 'object') return false;
	const call = (node as { FuncCall?: { funcname?: { String?: { sval?: string } }[] } }).FuncCall;
	if (call?.funcname?.at(-1)?.String?.sval === name) return true;
	return Object.values(node).some((v) => callsFunction(v, name));
}

/** Statement locations include the blanks and comments before the statement. */
function firstToken(sql: string, from: number): number {
	let i = from;
	for (;;) {
		while (i < sql.length && /\s/.test(sql[i]!)) i++;
		if (sql.startsWith('--', i)) i = lineEnd(sql, i);
		else if (sql.startsWith('/*', i)) i = sql.indexOf('*/', i) === -1 ? sql.length : sql.indexOf('*/', i) + 2;
		else return i;
	}
}
