/**
 * The search results as the UI shows them, independent of the engine that found them: pages, each with the sections
 * (heading anchors) where the words were found, best section first. Pagefind's result data is turned into this shape
 * here; another engine (the file:// bundle of the offline download cannot fetch Pagefind's index) produces the same.
 */

/** One section of a page that matched: links to its heading anchor (or to the page, for text before any heading). */
export interface SectionHit {
	url: string;
	title: string;
	/** HTML: entity-escaped text with the matched words in <mark>. */
	excerpt: string;
}

export interface PageHit {
	url: string;
	title: string;
	/** The page's filter values (kind, severity, service, tags, status). */
	filters: Record<string, string[]>;
	sections: SectionHit[];
}

/** Filter key -> value -> number of results with that value. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Filter key -> the chosen value; a key that is absent is not filtered on. */
export type ChosenFilters = Record<string, string>;

export interface SearchResponse {
	query: string;
	/** Pages matching the query and filters (more than `hits` holds when the result was cut to a limit). */
	total: number;
	hits: PageHit[];
	/** How the results spread over filter values, for counts next to each choice. */
	filterCounts: FilterCounts;
}

/**
 * A search whose pages are still loading, best first. Each page's data is a separate fetch and excerpt computation,
 * so the UI shows the best page as soon as it is ready instead of waiting for the slowest.
 */
export interface PendingSearch extends Omit<SearchResponse, 'hits'> {
	hits: Array<Promise<PageHit>>;
}

/** The parts of Pagefind's result data (`await result.data()`) this module reads. */
export interface PagefindWeightedLocation {
	weight: number;
	balanced_score: number;
	location: number;
}
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations?: number[];
	weighted_locations?: PagefindWeightedLocation[];
	anchor?: { element: string; id: string; text?: string; location: number };
}
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters?: Record<string, string[]>;
	sub_results?: PagefindSubResult[];
}

/** A section's worth: its matches weighted as Pagefind weighs them, so a heading that names the term beats a mention. */
export function sectionScore(sub: PagefindSubResult): number {
	if (sub.weighted_locations?.length) return sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
	return sub.locations?.length ?? 0;
}

/**
 * One page of Pagefind results as a PageHit: at most `maxSections` sections, best first (ties keep document order).
 * A page always yields at least one section, the page itself when Pagefind found no section.
 */
export function pageHitFromPagefind(data: PagefindResultData, maxSections: number): PageHit {
	const title = data.meta.title?.trim() || data.url;
	const subs = (data.sub_results ?? [])
		.map((sub, order) => ({ sub, order, score: sectionScore(sub) }))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, Math.max(1, maxSections))
		.map(({ sub }) => ({ url: sub.url, title: sub.title.trim() || title, excerpt: sub.excerpt }));
	return {
		url: data.url,
		title,
		filters: data.filters ?? {},
		sections: subs.length ? subs : [{ url: data.url, title, excerpt: data.excerpt }],
	};
}
