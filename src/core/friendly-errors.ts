/**
 * Every schema parse in Opsbook goes through here: configuration, facts, front matter, cards and records. Zod's
 * issues become one readable line each, naming where (option path, or file:line:field) and what to write instead.
 */
import type { z } from 'astro/zod';

export interface FriendlyIssue {
	path: PropertyKey[];
	message: string;
}

/** Zod issues as short sentences: "expected a number, got "ten"" rather than Zod's internal wording. */
export function friendlyIssues(
	error: z.ZodError,
	unknownKey?: (key: string, at: PropertyKey[]) => string,
): FriendlyIssue[] {
	const out: FriendlyIssue[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				out.push({
					path: [...issue.path, key],
					message: unknownKey ? unknownKey(key, issue.path) : `Unrecognized key: "${key}"`,
				});
			}
			continue;
		}
		if (issue.code === 'invalid_union' && 'errors' in issue) {
			// The first branch's complaint is usually the one the author meant.
			const first = (issue.errors as z.core.$ZodIssue[][])[0]?.[0];
			if (first) {
				out.push({ path: [...issue.path, ...first.path], message: first.message });
				continue;
			}
		}
		out.push({ path: issue.path, message: issue.message });
	}
	return out;
}

export class ConfigError extends Error {
	readonly issues: FriendlyIssue[];
	hint = 'Fix the options named above in astro.config, then run the command again.';
	constructor(what: string, issues: FriendlyIssue[], options?: { cause?: unknown }) {
		super(`${what}:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`, options);
		this.name = 'OpsbookConfigError';
		this.issues = issues;
	}
}

export interface FriendlyOptions {
	what: string;
	describe?: (path: ReadonlyArray<PropertyKey>) => string | undefined;
	unknownKey?: (key: string, at: PropertyKey[]) => string;
}

/** Parses or throws a ConfigError whose lines read "`base`: a path that starts and ends with "/" (write: base: '/ops/')". */
export function parseWithFriendlyErrors<S extends z.ZodType>(
	schema: S,
	input: unknown,
	options: FriendlyOptions,
): z.output<S> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issues = friendlyIssues(parsed.error, options.unknownKey).map((issue) => {
		const name = issue.path.map(String).join('.');
		const hint = issue.message.startsWith('unknown option') ? undefined : options.describe?.(issue.path);
		return {
			path: issue.path,
			message: `${name ? `\`${name}\`: ` : ''}${issue.message}${hint ? ` (write ${hint})` : ''}`,
		};
	});
	throw new ConfigError(options.what, issues, { cause: parsed.error });
}

/** The closest candidate within `within` edits (case-insensitive), for "did you mean". */
export function didYouMean(word: string, candidates: readonly string[], within = 2): string | undefined {
	let best: string | undefined;
	let bestDistance = within + 1;
	for (const c of candidates) {
		const d = editDistance(word.toLowerCase(), c.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [c, d];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}

/** The keys an object schema accepts at `path` (through optional, default and array wrappers), for "did you mean". */
export function keysAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
	let node = objectOf(schema);
	for (const key of path) {
		if (typeof key === 'number') continue;
		node = objectOf((node?.shape as Record<string, unknown> | undefined)?.[String(key)]);
	}
	return node?.shape ? Object.keys(node.shape as object) : [];
}

interface Wrapped {
	shape?: unknown;
	unwrap?: () => unknown;
	element?: unknown;
	def?: { innerType?: unknown; element?: unknown };
}

function objectOf(schema: unknown): Wrapped | undefined {
	let s = schema as Wrapped | undefined;
	for (let i = 0; s && !s.shape && i < 6; i++)
		s = (s.def?.innerType ?? s.def?.element ?? s.element ?? s.unwrap?.()) as Wrapped;
	return s;
}
