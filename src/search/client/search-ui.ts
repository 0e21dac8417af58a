/**
 * The search island, loaded only when a reader opens search (focus in a search box, `/` or Ctrl/Cmd+K; see
 * search-hotkeys.ts). It turns a header search box into a combobox with a listbox of section-level results, filters
 * built from the index, and keyboard control: arrows move, Enter opens, Escape closes. On the search page (`inline`)
 * the results stay in the page and the address follows the query, so every search can be linked to.
 *
 * Focus never leaves the input while moving through results (aria-activedescendant), so typing can go on at any time.
 */
import stylesheetUrl from '../search.css?url';
import { SEARCH_FILTERS } from '../filters.ts';
import { loadEngine, siteBase, type SearchEngine } from './search-engine.ts';
import { filterOptionsHtml, resultsHtml, summaryText } from './search-render.ts';
import type { FilterCounts, SearchResponse } from './search-results.ts';
import { parseSearchParams, searchPageHref, searchQueryString, type SearchState } from './search-url.ts';

export interface AttachOptions {
	/** The search page: results are part of the page, never closed, and the URL tracks the search. */
	inline?: boolean;
}

const FILTER_KEYS = SEARCH_FILTERS.map((f) => f.key);
/** Pages whose sections are loaded per search: a dropdown shows a screenful, the search page more on request. */
const DROPDOWN_LIMIT = 8;
const PAGE_LIMIT = 25;

const attached = new WeakSet<HTMLInputElement>();

/** Enhances one search box; calling it again for the same input does nothing. */
export function attach(input: HTMLInputElement, options: AttachOptions = {}): void {
	const form = input.form;
	if (attached.has(input) || !form) return;
	attached.add(input);
	createSearchBox(input, form, options.inline ?? false);
}

/** The page's one stylesheet link for search, added on first use and shared by every search box. */
function loadStylesheet(): Promise<void> {
	const existing = document.querySelector<HTMLLinkElement>('link[data-search-styles]');
	if (existing)
		return existing.sheet
			? Promise.resolve()
			: new Promise((done) => existing.addEventListener('load', () => done(), { once: true }));
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = stylesheetUrl;
	link.dataset.searchStyles = '';
	const loaded = new Promise<void>((done) => {
		// A stylesheet that fails to load must not keep results from showing: they are still readable unstyled.
		link.addEventListener('load', () => done(), { once: true });
		link.addEventListener('error', () => done(), { once: true });
	});
	document.head.append(link);
	return loaded;
}

function createSearchBox(input: HTMLInputElement, form: HTMLFormElement, inline: boolean): void {
	const id = input.id;
	const listboxId = `${id}-listbox`;
	const state: SearchState = inline
		? parseSearchParams(new URLSearchParams(location.search), FILTER_KEYS)
		: { query: input.value, filters: {} };
	let limit = inline ? PAGE_LIMIT : DROPDOWN_LIMIT;
	let sequence = 0;
	let active = -1;
	let options: HTMLAnchorElement[] = [];
	let filterValues: Record<string, string[]> = {};
	let lastCounts: FilterCounts | undefined;
	let filtersReady = false;

	const panel = document.createElement('div');
	panel.className = inline ? 'search-panel search-panel-inline' : 'search-panel';
	panel.id = `${id}-panel`;
	panel.hidden = true;
	panel.innerHTML =
		`<div class="search-filters" role="group" aria-label="Filter results"></div>` +
		`<p class="search-summary" aria-hidden="true"></p>` +
		`<div class="search-results" role="listbox" id="${listboxId}" aria-label="Search results"></div>` +
		(inline
			? `<button type="button" class="search-more" hidden>Show more results</button>`
			: `<p class="search-footer"><span class="search-keys" aria-hidden="true"><kbd>↑</kbd><kbd>↓</kbd> move <kbd>Enter</kbd> open <kbd>Esc</kbd> close</span><a class="search-all" href="">All results</a></p>`);
	// The live region lives outside the panel: a region inside a hidden panel would announce nothing.
	const status = document.createElement('p');
	status.className = 'sr-only';
	status.setAttribute('role', 'status');
	form.classList.add('search-enhanced');
	if (inline) form.classList.add('search-inline');
	form.append(status, panel);

	const filtersEl = panel.querySelector<HTMLElement>('.search-filters')!;
	const summary = panel.querySelector<HTMLElement>('.search-summary')!;
	const listbox = panel.querySelector<HTMLElement>('[role="listbox"]')!;
	const more = panel.querySelector<HTMLButtonElement>('.search-more');
	const allLink = panel.querySelector<HTMLAnchorElement>('.search-all');

	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-controls', listboxId);
	input.setAttribute('aria-expanded', 'false');
	if (inline && state.query) input.value = state.query;

	const styles = loadStylesheet();
	const engine: Promise<SearchEngine> = loadEngine();
	// Filters are an extra: when they cannot load, the search itself still reports the problem.
	engine.then(buildFilters).catch(() => undefined);

	function isOpen(): boolean {
		return !panel.hidden;
	}

	function open(): void {
		panel.hidden = false;
		input.setAttribute('aria-expanded', String(options.length > 0));
	}

	function close(): void {
		if (inline) {
			setActive(-1);
			return;
		}
		panel.hidden = true;
		input.setAttribute('aria-expanded', 'false');
		setActive(-1);
	}

	function setActive(index: number): void {
		options[active]?.setAttribute('aria-selected', 'false');
		active = index;
		const option = options[active];
		if (!option) {
			input.removeAttribute('aria-activedescendant');
			return;
		}
		option.setAttribute('aria-selected', 'true');
		input.setAttribute('aria-activedescendant', option.id);
		option.scrollIntoView({ block: 'nearest' });
	}

	function move(delta: number): void {
		if (!options.length) return;
		if (!isOpen()) open();
		const count = options.length;
		setActive(active < 0 ? (delta > 0 ? 0 : count - 1) : (active + delta + count) % count);
	}

	function hasFilters(): boolean {
		return Object.keys(state.filters).length > 0;
	}

	async function buildFilters(searchEngine: SearchEngine): Promise<void> {
		const all: FilterCounts = await searchEngine.filters();
		filterValues = Object.fromEntries(
			FILTER_KEYS.map((key) => [key, Object.keys(all[key] ?? {}).sort((a, b) => a.localeCompare(b))]),
		);
		filtersEl.innerHTML = SEARCH_FILTERS.filter((f) => filterValues[f.key]!.length > 0)
			// The first choice ("All kinds") says what a select filters; the label is for assistive technology.
			.map((f) => `<select class="search-filter" aria-label="${f.label}" data-filter-key="${f.key}"></select>`)
			.join('');
		updateFilterOptions(lastCounts);
		filtersReady = true;
		await refreshCounts(searchEngine);
	}

	/**
	 * The first search does not wait for the filter indexes (search-engine.ts), so its results may come without
	 * counts: once the indexes are in, the counts are asked for alone (a limit of 0 loads no page), without drawing
	 * the results or speaking the summary again.
	 */
	async function refreshCounts(searchEngine: SearchEngine): Promise<void> {
		const query = state.query;
		const anyFilter = Object.values(filterValues).some((values) => values.length > 0);
		if (!filtersReady || !anyFilter || !query.trim() || Object.keys(lastCounts ?? {}).length) return;
		const pending = await searchEngine.search(query, state.filters, 0);
		if (state.query !== query) return;
		lastCounts = pending.filterCounts;
		updateFilterOptions(lastCounts);
	}

	/** Refreshes each filter's choices with the counts the current query gives (not while the reader is in it). */
	function updateFilterOptions(counts: FilterCounts | undefined): void {
		for (const select of filtersEl.querySelectorAll<HTMLSelectElement>('select[data-filter-key]')) {
			if (document.activeElement === select) continue;
			const key = select.dataset.filterKey!;
			const any = SEARCH_FILTERS.find((f) => f.key === key)?.any;
			select.innerHTML = filterOptionsHtml(filterValues[key] ?? [], counts?.[key], state.filters[key], any);
		}
	}

	function syncAddress(): void {
		if (!inline) return;
		const query = searchQueryString(state, FILTER_KEYS);
		history.replaceState(history.state, '', `${location.pathname}${query}`);
		document.title = document.title.replace(
			/^(Search: .*? · |Search · )/,
			state.query.trim() ? `Search: ${state.query.trim()} · ` : 'Search · ',
		);
	}

	/**
	 * Shows results. `planned` is how many pages this search will show once all are loaded: the best page is drawn as
	 * soon as it is ready (`partial`), the rest when they all are. The live region speaks only for the complete list,
	 * so a screen reader hears one summary per search, and an option the reader moved to meanwhile stays chosen.
	 */
	function render(response: SearchResponse, planned: number, partial: boolean): void {
		const chosen = partial ? undefined : options[active]?.id;
		listbox.innerHTML = resultsHtml(response.hits, listboxId);
		options = [...listbox.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
		active = -1;
		input.removeAttribute('aria-activedescendant');
		if (chosen) setActive(options.findIndex((o) => o.id === chosen));
		const text = summaryText(response.query, response.total, planned, hasFilters());
		summary.textContent = text;
		if (!partial) status.textContent = text;
		if (more) more.hidden = planned >= response.total;
		if (allLink) {
			allLink.href = searchPageHref(siteBase(), state, FILTER_KEYS);
			allLink.textContent = response.total > planned ? `All ${response.total} results` : 'Open on the search page';
		}
		lastCounts = response.filterCounts;
		updateFilterOptions(lastCounts);
		open();
	}

	function showMessage(text: string): void {
		listbox.innerHTML = '';
		options = [];
		summary.textContent = text;
		status.textContent = text;
		if (more) more.hidden = true;
		open();
	}

	async function run(): Promise<void> {
		const mine = ++sequence;
		state.query = input.value;
		syncAddress();
		if (!state.query.trim() && !hasFilters()) {
			listbox.innerHTML = '';
			options = [];
			setActive(-1);
			status.textContent = '';
			if (inline) showMessage('Type to search all runbooks, playbooks, procedures, templates and training.');
			else close();
			return;
		}
		try {
			const [searchEngine] = await Promise.all([engine, styles]);
			const pending = await searchEngine.search(state.query, state.filters, limit);
			const planned = pending.hits.length;
			if (planned > 1) {
				const best = await pending.hits[0]!;
				if (mine !== sequence) return;
				render({ ...pending, hits: [best] }, planned, true);
			}
			const hits = await Promise.all(pending.hits);
			if (mine !== sequence) return;
			render({ ...pending, hits }, planned, false);
			await refreshCounts(searchEngine);
		} catch (error) {
			if (mine !== sequence) return;
			console.error('Search failed', error);
			showMessage('Search could not load its index. Check the connection and try again.');
		}
	}

	input.addEventListener('input', () => {
		if (!inline) limit = DROPDOWN_LIMIT;
		void run();
	});

	input.addEventListener('keydown', (event) => {
		if (event.isComposing) return;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			move(event.key === 'ArrowDown' ? 1 : -1);
		} else if (event.key === 'Enter' && options[active]) {
			event.preventDefault();
			const href = options[active]!.href;
			close();
			location.assign(href);
		} else if (event.key === 'Escape' && !inline && isOpen()) {
			// Closes the list but keeps the query (the browser's own Escape would clear it).
			event.preventDefault();
			close();
		}
	});

	// Reopens the last results when the reader comes back to the box.
	input.addEventListener('focus', () => {
		if (!inline && !isOpen() && (options.length || summary.textContent) && (state.query.trim() || hasFilters())) open();
	});

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		state.query = input.value;
		if (inline) void run();
		else location.assign(searchPageHref(siteBase(), state, FILTER_KEYS));
	});

	filtersEl.addEventListener('change', (event) => {
		const select = event.target as HTMLSelectElement;
		const key = select.dataset.filterKey;
		if (!key) return;
		if (select.value) state.filters[key] = select.value;
		else delete state.filters[key];
		void run();
	});

	listbox.addEventListener('click', (event) => {
		if ((event.target as Element).closest('[role="option"]')) close();
	});

	more?.addEventListener('click', () => {
		limit += PAGE_LIMIT;
		void run();
	});

	if (!inline) {
		// Close when focus or a click goes elsewhere; a click inside the panel (whitespace, a filter) keeps it open.
		form.addEventListener('focusout', (event) => {
			const next = event.relatedTarget as Node | null;
			if (next && !form.contains(next)) close();
		});
		document.addEventListener('pointerdown', (event) => {
			if (isOpen() && !form.contains(event.target as Node)) close();
		});
	}

	if (state.query.trim() || hasFilters() || inline) void run();
}
