/** Reading PromQL selectors, shared by the rules. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, descendants, type ParsedQuery } from './queries.ts';

/** A selector's metric name, written before the braces or as `__name__="…"`. */
export function metricName(
	selector: SyntaxNode,
	q: ParsedQuery,
): { text: string; from: number; to: number } | undefined {
	const id = selector.getChild('Identifier');
	if (id) return { text: q.text.slice(id.from, id.to), from: id.from, to: id.to };
	for (const m of descendants(selector, new Set(['UnquotedLabelMatcher', 'QuotedLabelMatcher']))) {
		const parts = childrenOf(m);
		const label = parts[0] && q.text.slice(parts[0].from, parts[0].to).replace(/^"|"$/g, '');
		const value = parts.at(-1);
		const op = m.getChild('MatchOp');
		// {"metric_name"}: the quoted name alone.
		if (m.name === 'QuotedLabelMatcher' && !op && value) {
			return { text: unquote(q.text.slice(value.from, value.to)), from: value.from, to: value.to };
		}
		if (label === '__name__' && op && q.text.slice(op.from, op.to) === '=' && value) {
			return { text: unquote(q.text.slice(value.from, value.to)), from: value.from, to: value.to };
		}
	}
	return undefined;
}

export function unquote(text: string): string {
	return text.replace(/^["'`]|["'`]$/g, '');
}
