/**
 * HTML for the search panel, as strings from plain data, so it can be tested without a browser. Titles and filter
 * values are escaped here; excerpts arrive from the engine already escaped with <mark> around the matches.
 */
import type { FilterCounts, PageHit } from './search-results.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Keeps only <mark> and </mark> from an excerpt and escapes everything else, so a faulty engine can never inject
 * markup. Pagefind's excerpts are already escaped; their entities are left as they are.
 */
export function safeExcerpt(html: string): string {
	return html
		.split(/(<\/?mark>)/)
		.map((part) =>
			part === '<mark>' || part === '</mark>'
				? part
				: part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
		)
		.join('');
}

/** The id of the n-th option (0-based, across all groups) of the listbox whose id is `listboxId`. */
export function optionId(listboxId: string, n: number): string {
	return `${listboxId}-${n}`;
}

/**
 * The listbox content: one group per page (labelled by the page title and kind), one option per section. Options are
 * links, so a click, a middle-click or "open in new tab" all work; the keyboard moves through them from the input.
 */
export function resultsHtml(hits: readonly PageHit[], listboxId: string): string {
	let n = 0;
	return hits
		.map((hit, g) => {
			const groupId = `${listboxId}-g${g}`;
			const kind = hit.filters.kind?.[0];
			const options = hit.sections
				.map((section) => {
					// Text before the first heading has no anchor of its own: it is the page's opening (title, summary).
					const title = section.url === hit.url ? 'Overview' : section.title;
					return (
						`<a role="option" id="${optionId(listboxId, n++)}" class="search-hit" href="${escapeHtml(section.url)}" tabindex="-1" aria-selected="false">` +
						`<span class="search-hit-title">${escapeHtml(title)}</span>` +
						`<span class="search-hit-excerpt">${safeExcerpt(section.excerpt)}</span></a>`
					);
				})
				.join('');
			const badge = kind ? ` <span class="search-kind">${escapeHtml(kind)}</span>` : '';
			return `<div role="group" class="search-group" aria-labelledby="${groupId}"><div class="search-group-title" id="${groupId}">${escapeHtml(hit.title)}${badge}</div>${options}</div>`;
		})
		.join('');
}

/** What the live region says after a search (and the visible summary above the results); `shown` pages are listed. */
export function summaryText(query: string, total: number, shown: number, filtered: boolean): string {
	const what = query.trim() ? `“${query.trim()}”` : 'the chosen filters';
	const narrowed = filtered && query.trim() ? ' with these filters' : '';
	if (total === 0) return `No results for ${what}${narrowed}.`;
	const docs = `${total} document${total === 1 ? '' : 's'}`;
	const cut = shown < total ? `, showing the first ${shown}` : '';
	return `${docs} ${total === 1 ? 'matches' : 'match'} ${what}${narrowed}${cut}.`;
}

/**
 * The <option>s of one filter's <select>: "Any ..." first, then every value in the index with the count the current
 * query would give it. The chosen value is kept even when the current query gives it no results.
 */
export function filterOptionsHtml(
	values: readonly string[],
	counts: FilterCounts[string] | undefined,
	chosen: string | undefined,
	anyLabel = 'Any',
): string {
	const any = `<option value=""${chosen ? '' : ' selected'}>${escapeHtml(anyLabel)}</option>`;
	return (
		any +
		values
			.map((value) => {
				const count = counts ? ` (${counts[value] ?? 0})` : '';
				return `<option value="${escapeHtml(value)}"${value === chosen ? ' selected' : ''}>${escapeHtml(value)}${count}</option>`;
			})
			.join('')
	);
}
