/**
 * The search engine behind the search UI: Pagefind's browser module and index, fetched from `<base>pagefind/` on the
 * site's own origin the first time search is opened, never before.
 *
 * The UI only sees the SearchEngine interface, so the offline download (opened from file://, where Pagefind cannot
 * fetch its index) can supply an engine built from the same content without touching the UI.
 */
import { SEARCH_BUNDLE_DIR } from '../../core/search-bundle.ts';
import {
	pageHitFromPagefind,
	type ChosenFilters,
	type FilterCounts,
	type PagefindResultData,
	type PendingSearch,
} from './search-results.ts';

export interface SearchEngine {
	/** Every filter key and value in the index, with how many pages carry it. */
	filters(): Promise<FilterCounts>;
	/** Pages matching `query` (and the chosen filters), best first; the data of at most `limit` pages is loaded. */
	search(query: string, filters: ChosenFilters, limit: number): Promise<PendingSearch>;
}

/** The slice of pagefind.js's exports used here (the package ships no types for its browser module). */
interface PagefindModule {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<FilterCounts>;
	search(term: string | null, options?: { filters?: ChosenFilters }): Promise<PagefindSearch | null>;
}
interface PagefindSearch {
	results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
	filters?: FilterCounts;
}

/** When search is open but nothing is searched for, the filter indexes load after this long anyway. */
const FILTERS_WITHOUT_SEARCH_MS = 1000;

/** Sections shown per page: enough to see where a term is, few enough to keep ten pages on a phone screen. */
const SECTIONS_PER_PAGE = 3;

/** The site's base path (Astro `base`) with one trailing slash: search must work when the site lives under /ops/. */
export function siteBase(): string {
	return import.meta.env.BASE_URL.replace(/\/*$/, '/');
}

export async function pagefindEngine(base: string): Promise<SearchEngine> {
	const url = `${base}${SEARCH_BUNDLE_DIR}/pagefind.js`;
	const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
	// baseUrl prefixes result URLs (the index stores them relative to the site root); excerpts short enough for a phone.
	await pagefind.options({ baseUrl: base, excerptLength: 22 });
	await pagefind.init();
	// Pagefind counts results per filter value only once its filter indexes are loaded. Its worker does one thing at a
	// time, so loading them beside the first search delays its results (traced at 1000 documents: with the filter
	// indexes loading alongside, the fragments were requested 110 ms after the index chunk; after them, 50). They
	// load once the first results are in (or when a search needs a filter, or after a second without one), and the
	// UI then asks for the counts of the query on screen (search-ui.ts).
	let allFilters: Promise<FilterCounts> | undefined;
	const loadFilters = () => (allFilters ??= pagefind.filters());
	let firstResults: () => void = () => undefined;
	const firstSearchDone = new Promise<void>((resolve) => {
		firstResults = resolve;
	});
	const wait = new Promise<void>((resolve) => setTimeout(resolve, FILTERS_WITHOUT_SEARCH_MS));
	return {
		filters: () => Promise.race([firstSearchDone, wait]).then(loadFilters),
		async search(query, filters, limit) {
			const term = query.trim();
			if (!term && Object.keys(filters).length === 0) return { query, total: 0, hits: [], filterCounts: {} };
			if (Object.keys(filters).length) await loadFilters();
			const found = await pagefind.search(term || null, { filters });
			const results = found?.results ?? [];
			const hits = results.slice(0, limit).map(async (r) => pageHitFromPagefind(await r.data(), SECTIONS_PER_PAGE));
			Promise.allSettled(hits).then(firstResults);
			return { query, total: results.length, hits, filterCounts: found?.filters ?? {} };
		},
	};
}

/**
 * One engine per page load, shared by every search box on the page (header, home, search page). A failed load is
 * forgotten, so opening search again retries (a flaky network, a deploy in progress).
 */
let loading: Promise<SearchEngine> | undefined;
export function loadEngine(): Promise<SearchEngine> {
	loading ??= pagefindEngine(siteBase()).catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
