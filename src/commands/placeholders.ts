/**
 * Placeholders: the parts of a command the reader replaces before running it. One syntax in every language:
 *
 *   <lower-case-name>          anywhere (letters, digits, `-`, `_`; starts with a letter)
 *   ${UPPER_NAME}  $UPPER_NAME anywhere (valid shell already; in PromQL, LogQL and SQL they are replaced too)
 *
 * Before parsing, each placeholder is replaced by filler of the same length, so columns after it stay exact. The
 * filler is what a reader would type there: a word (`<pod>` → `xpodx`), a duration inside `[…]` or after
 * `offset` (`[<window>]` → `[0000001m]`), a number after a comparison in PromQL and LogQL (`> <limit>` →
 * `> 1111111`). So `{pod=<pod>}` still fails, as `{pod=web-1}` would: the value needs quotes.
 *
 * Not placeholders: `<name>` inside a LogQL `pattern "…"` (those are pattern captures), regex named groups
 * `(?P<name>…)` and `(?<name>…)`, in `console` blocks anything in the output lines, and in shell the variables the
 * block sets itself (`ROTATED=$(date)`, `for POD in`, `read -r KEY`) or the shell sets (`$HOME`, `$PWD`, …): the
 * reader does not replace those.
 */
import { consoleCommands } from './console.ts';
import type { Language } from './types.ts';

export interface Placeholder {
	start: number;
	end: number;
	/** The name without its delimiters: `pod` for `<pod>`, `POD` for `${POD}` and `$POD`. */
	name: string;
	syntax: 'angle' | 'brace' | 'dollar';
}

const SHELL_TAGS = new Set(['shell', 'console', 'bash', 'sh', 'zsh', 'shell-session', 'shellsession']);
const SHELL_VARIABLES = new Set([
	...'HOME PATH PWD OLDPWD USER SHELL HOSTNAME UID EUID PPID'.split(' '),
	...'RANDOM SECONDS LINENO IFS TMPDIR LANG TERM EDITOR REPLY'.split(' '),
]);

const PLACEHOLDER = /<([a-z][a-z0-9_-]*)>|\$\{([A-Z][A-Z0-9_]*)\}|(?<![\\$])\$([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_])/g;

/**
 * Every placeholder in a block's text, for the page to highlight. Pass the block's language (a fence tag or a
 * Language) so `console` output and LogQL pattern captures are left out.
 */
export function findPlaceholders(text: string, language?: string): Placeholder[] {
	const found: Placeholder[] = [];
	const lang = language?.toLowerCase();
	const inCommand =
		lang === 'console' || lang === 'shell-session' || lang === 'shellsession' ? consoleCommands(text) : undefined;
	const patterns = lang === 'logql' ? patternStrings(text) : [];
	const ownVariables = lang && SHELL_TAGS.has(lang) ? assignedVariables(text) : undefined;
	for (const m of text.matchAll(PLACEHOLDER)) {
		const start = m.index;
		const end = start + m[0].length;
		if (m[1] !== undefined && (text[start - 1] === '?' || text.slice(start - 2, start) === '?P')) continue;
		if (inCommand && !inCommand.some((r) => start >= r.start && end <= r.end)) continue;
		if (patterns.some((r) => start >= r.start && end <= r.end)) continue;
		const syntax = m[1] !== undefined ? 'angle' : m[2] !== undefined ? 'brace' : 'dollar';
		const name = m[1] ?? m[2] ?? m[3]!;
		if (syntax !== 'angle' && ownVariables && (ownVariables.has(name) || SHELL_VARIABLES.has(name))) continue;
		found.push({ start, end, name, syntax });
	}
	return found;
}

export interface Filled {
	text: string;
	placeholders: Placeholder[];
}

/** The text with placeholders replaced by same-length filler valid for `language` (see the top of this file). */
export function fillPlaceholders(text: string, language: Language): Filled {
	const placeholders = findPlaceholders(text, language);
	const replaced = [...placeholders, ...(language === 'promql' || language === 'logql' ? grafanaVariables(text) : [])];
	let out = '';
	let last = 0;
	for (const p of replaced.sort((a, b) => a.start - b.start)) {
		// $NAME and ${NAME} are shell's own syntax: the shell parser checks them as written.
		if ((language === 'shell' || language === 'console') && p.syntax !== 'angle') continue;
		if (p.start < last) continue;
		out += text.slice(last, p.start) + filler(text, p, language);
		last = p.end;
	}
	return { text: out + text.slice(last), placeholders };
}

/**
 * Grafana's global variables (`[$__range]`, `$__rate_interval`, `${__interval}`): a query copied into Grafana
 * Explore or a panel uses them as they are, so they parse as the value Grafana puts there, but the reader does not
 * replace them and the page does not highlight them.
 */
function grafanaVariables(text: string): Placeholder[] {
	return [...text.matchAll(/\$__[a-z_]+|\$\{__[a-z_]+\}/g)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		name: m[0].replace(/[${}]/g, ''),
		syntax: m[0][1] === '{' ? 'brace' : 'dollar',
	}));
}

/** `<new tag>`, `<Pod>`: angle-bracket text that looks meant as a placeholder but is not written as one. */
export function malformedPlaceholders(line: string): string[] {
	return [...line.matchAll(/<([A-Za-z][^<>\n]*)>/g)]
		.map((m) => m[0])
		.filter((p) => !/^<[a-z][a-z0-9_-]*>$/.test(p) && /[A-Z\s]/.test(p));
}

function filler(text: string, p: Placeholder, language: Language): string {
	const length = p.end - p.start;
	if (language === 'promql' || language === 'logql') {
		const before = text.slice(Math.max(0, p.start - 12), p.start);
		if (/(?:[[:]|\boffset)\s*$/.test(before)) return `${'0'.repeat(length - 2)}1m`;
		if (/(?:[<>]=?|[=!]=)\s*$/.test(before)) return '1'.repeat(length);
	}
	const word = p.name.replace(/-/g, '_');
	return p.syntax === 'angle' ? `x${word}x` : p.syntax === 'brace' ? `xx${word}x` : `x${word}`;
}

/** Upper-case names a shell text assigns: `NAME=…`, `export NAME=…`, `for NAME in`, `read -r NAME`. */
function assignedVariables(text: string): Set<string> {
	const names = new Set<string>();
	for (const m of text.matchAll(/(?:^|[\s;&|(])(?:(?:export|local|readonly|declare)\s+)?([A-Z][A-Z0-9_]*)\+?=/g))
		names.add(m[1]!);
	for (const m of text.matchAll(/\bfor\s+([A-Z][A-Z0-9_]*)\s+in\b/g)) names.add(m[1]!);
	for (const m of text.matchAll(/\bread[ \t]+(?:-\w+[ \t]+)*((?:[A-Z][A-Z0-9_]*[ \t]*)+)/g)) {
		for (const name of m[1]!.trim().split(/\s+/)) names.add(name);
	}
	return names;
}

/** Double-quoted or backquoted strings that follow LogQL's `pattern` stage keyword. */
function patternStrings(text: string): { start: number; end: number }[] {
	const ranges: { start: number; end: number }[] = [];
	for (const m of text.matchAll(/\bpattern\s*("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g)) {
		const start = m.index + m[0].length - m[1]!.length;
		ranges.push({ start, end: start + m[1]!.length });
	}
	return ranges;
}
