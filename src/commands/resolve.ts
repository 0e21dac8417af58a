/**
 * Fact and environment references resolved before the check, so the checked text is what the reader copies.
 *
 * `resolve` is called on each reference on its own (`{facts.service.id}`), not on the whole text: the text around
 * a reference then keeps exact positions, and a position inside a value maps to the start of its reference, with
 * the reference named in the message (`… (in the value of {facts.alerts.X.expr})`). Resolving line by line would
 * shift every column after the first reference on a line by the length difference, and a multi-line value would
 * shift the lines too. The caller can pass `(ref) => replaceFactReferences(ref, facts, …)` from src/facts/facts.ts.
 *
 * A reference that `resolve` refuses (it throws: unknown fact) is left to the facts check, which reports it; here it
 * becomes placeholder filler so the rest of the block is still checked. Without `resolve`, every reference becomes
 * filler: that is right where a value stands for a word (`job="{facts.service.id}"`) and wrong where it stands for
 * a whole query (a LogQL block made of `{facts.logQueries.errors}`), so the build should always pass `resolve`.
 */
import type { Segment } from './source-map.ts';
import type { Resolve } from './types.ts';

/** Same pattern as FACT_REFERENCE in src/facts/facts.ts (a unit test keeps the two equal). */
export const FACT_REFERENCE = /\{\s*((?:facts|env)\.[A-Za-z0-9_.-]+)\s*\}/g;

export interface ResolvedText {
	text: string;
	segments: Segment[];
}

export function resolveReferences(text: string, resolve: Resolve | undefined): ResolvedText {
	const segments: Segment[] = [];
	let out = '';
	let last = 0;
	const copy = (from: number, to: number) => {
		if (to > from) segments.push({ at: out.length, length: to - from, source: from });
		out += text.slice(from, to);
	};
	for (const match of text.matchAll(FACT_REFERENCE)) {
		const start = match.index;
		copy(last, start);
		const reference = match[0];
		const value = valueFor(reference, resolve);
		segments.push({ at: out.length, length: value.length, source: start, reference });
		out += value;
		last = start + reference.length;
	}
	copy(last, text.length);
	return { text: out, segments };
}

function valueFor(reference: string, resolve: Resolve | undefined): string {
	if (resolve) {
		try {
			return resolve(reference);
		} catch {
			// Reported by the facts check; fall through to filler.
		}
	}
	return reference.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_/, 'x');
}
