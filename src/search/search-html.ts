/**
 * A built page as the search indexer should read it. Pagefind's HTML reader has two fixed rules that hide
 * document text, and no setting to change them, so the page handed to it is adjusted first:
 *
 * - It drops every <label> with its text. Task-list items put their text in a <label> for their checkbox
 *   (src/checklists/rehype-task-lists.ts), so every checklist step would be unsearchable. Labels become <span>s.
 * - It titles a section with all the text inside its heading, including the heading's own "#" link
 *   (src/shell/markdown/rehype-heading-links.ts): "Rollback#". The link is removed.
 *
 * And one ranking decision: an alert's entry (the heading an alert route leads to, src/alerts/alert-targets.ts) weighs
 * more than any other heading, so searching an alert name opens its runbook entry first, even when training pages
 * have headings that name the alert too.
 *
 * Only the indexer's copy changes; the page on disk is untouched. Regions marked data-pagefind-ignore stay ignored,
 * since the markers sit on the ancestors.
 */
import type { HeadingRef } from '../alerts/alert-targets.ts';

const HEADING_LINK = /<a\b[^>]*\bclass="heading-anchor"[^>]*>[\s\S]*?<\/a>/g;
const LABEL_OPEN = /<label\b/g;
const LABEL_CLOSE = /<\/label>/g;
const HEADING = /<h([2-6])\b([^>]*)>([\s\S]*?)<\/h\1>/g;
const KIND_FILTER = /data-pagefind-filter="kind:([^"]+)"/;
/** Pagefind's scale is 0-10 with headings at 2-7 by default; weights count quadratically. */
export const ALERT_ENTRY_WEIGHT = 10;

export interface IndexOptions {
	/** Ids of headings that are alert entries on this page. */
	alertEntries?: readonly string[];
}

export function indexableHtml(html: string, options: IndexOptions = {}): string {
	const entries = new Set(options.alertEntries ?? []);
	let out = html.replace(HEADING_LINK, '').replace(LABEL_OPEN, '<span').replace(LABEL_CLOSE, '</span>');
	if (entries.size) {
		out = out.replace(HEADING, (whole, level: string, attrs: string, inner: string) => {
			const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
			return id && entries.has(id)
				? `<h${level}${attrs} data-pagefind-weight="${ALERT_ENTRY_WEIGHT}">${inner}</h${level}>`
				: whole;
		});
	}
	return out;
}

/** The headings (h2-h6 with an id) and the kind of a built document page, as src/alerts/alert-targets.ts reads them. */
export function pageOutline(html: string): { kind: string; headings: HeadingRef[] } {
	const headings: HeadingRef[] = [];
	for (const [, , attrs, inner] of html.replace(HEADING_LINK, '').matchAll(HEADING)) {
		const id = /\bid="([^"]+)"/.exec(attrs!)?.[1];
		if (id) headings.push({ slug: id, text: decodeEntities(inner!.replace(/<[^>]+>/g, '')).trim() });
	}
	return { kind: KIND_FILTER.exec(html)?.[1] ?? '', headings };
}

function decodeEntities(text: string): string {
	return text.replace(
		/&(amp|lt|gt|quot|#39);/g,
		(_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
	);
}
