/**
 * Addresses in plain text as link nodes. Written as text, Markdown writers escape them (`https\://`, `a\@b`) so that
 * GitHub does not turn them into links; as links they stay readable and clickable.
 */
import type { PhrasingContent } from 'mdast';

const ADDRESS = /https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/g;

export function autolinks(value: string): PhrasingContent[] {
	const out: PhrasingContent[] = [];
	let last = 0;
	for (const m of value.matchAll(ADDRESS)) {
		if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
		const url = m[0].includes('://') ? m[0] : `mailto:${m[0]}`;
		out.push({ type: 'link', url, children: [{ type: 'text', value: m[0] }] });
		last = m.index + m[0].length;
	}
	if (last < value.length || !out.length) out.push({ type: 'text', value: value.slice(last) });
	return out;
}
