/**
 * The offline download's search index, built from Pagefind's fragments (<out>/pagefind/fragment/*.pf_fragment): the
 * same pages and text the hosted search has, with the same exclusions (data-pagefind-ignore, excludeSelectors), cut
 * into sections at the anchors Pagefind recorded. Read after the search index is written (astro:build:done).
 *
 * Pagefind's fragment format is not a public API: it is checked here and a clear error names the file if a Pagefind
 * upgrade changes it (the version is pinned exactly in package.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { builtFiles } from '../core/site-files.ts';
import type { OfflineSearchData } from './client/offline-search.ts';

interface Fragment {
	url: string;
	content: string;
	meta?: { title?: string };
	filters?: Record<string, string[]>;
	anchors?: Array<{ element: string; id: string; text: string; location: number }>;
}

/** Every fragment starts with this signature, then JSON (Pagefind 1.x). */
const SIGNATURE = 'pagefind_dcd';

export function readFragment(file: string): Fragment {
	const raw = gunzipSync(fs.readFileSync(file)).toString('utf8');
	if (!raw.startsWith(SIGNATURE))
		throw new Error(
			`${file}: not a Pagefind fragment (no "${SIGNATURE}" signature); has the Pagefind version changed?`,
		);
	const fragment = JSON.parse(raw.slice(SIGNATURE.length)) as Fragment;
	if (typeof fragment.url !== 'string' || typeof fragment.content !== 'string')
		throw new Error(`${file}: Pagefind fragment without url/content`);
	return fragment;
}

/**
 * The heading's words as they appear in the content: the longest run of content words that the anchor text starts
 * with. The anchor text also holds the heading's "link to this section" control, the content does not.
 */
export function headingAt(words: string[], location: number, anchorText: string): { heading: string; length: number } {
	const target = anchorText.replace(/\s+/g, ' ').trim();
	let heading = '';
	let length = 0;
	for (let i = location; i < words.length; i++) {
		const next = heading ? `${heading} ${words[i]}` : words[i]!;
		// Pagefind ends a heading with "." in the content; the anchor text has no such period.
		if (!target.startsWith(next.replace(/\.$/, ''))) break;
		heading = next;
		length++;
	}
	return { heading: heading.replace(/\.$/, ''), length };
}

/** One page's sections: the text before the first anchor (the page's top), then one per anchor, in order. */
export function sectionsOf(fragment: Fragment, pageIndex: number): OfflineSearchData['sections'] {
	const words = fragment.content.split(/\s+/).filter(Boolean);
	const anchors = [...(fragment.anchors ?? [])]
		.filter((a) => a.id && /^h[1-6]$/.test(a.element))
		.sort((a, b) => a.location - b.location);
	const sections: OfflineSearchData['sections'] = [];
	const firstAt = anchors[0]?.location ?? words.length;
	if (firstAt > 0) sections.push({ p: pageIndex, a: '', h: '', x: words.slice(0, firstAt).join(' ') });
	anchors.forEach((anchor, i) => {
		const end = anchors[i + 1]?.location ?? words.length;
		const { heading, length } = headingAt(words, anchor.location, anchor.text);
		sections.push({ p: pageIndex, a: anchor.id, h: heading, x: words.slice(anchor.location + length, end).join(' ') });
	});
	return sections;
}

export function buildOfflineSearchData(pagefindDir: string): OfflineSearchData {
	const folder = path.join(pagefindDir, 'fragment');
	if (!fs.existsSync(folder))
		throw new Error(
			`${folder} does not exist: the offline search index is built from Pagefind's output, which must be written first`,
		);
	const files = builtFiles(folder, { ext: '.pf_fragment' });
	const fragments = files.map((f) => readFragment(path.join(folder, f))).sort((a, b) => a.url.localeCompare(b.url));
	const data: OfflineSearchData = { pages: [], sections: [] };
	for (const fragment of fragments) {
		const index = data.pages.length;
		data.pages.push({
			u: fragment.url.replace(/^\/+/, ''),
			t: fragment.meta?.title ?? fragment.url,
			k: fragment.filters?.kind?.[0] ?? '',
		});
		data.sections.push(...sectionsOf(fragment, index));
	}
	return data;
}
