/**
 * The search page's address: `search/?q=rollback&kind=runbook`. The header form submits `q` there without
 * JavaScript; with JavaScript the chosen filters ride along, so any search can be linked to and reopened.
 */
import type { ChosenFilters } from './search-results.ts';

export interface SearchState {
	query: string;
	filters: ChosenFilters;
}

/** Reads a search from query parameters; only the given filter keys are taken, empty values are ignored. */
export function parseSearchParams(params: URLSearchParams, filterKeys: readonly string[]): SearchState {
	const filters: ChosenFilters = {};
	for (const key of filterKeys) {
		const value = params.get(key)?.trim();
		if (value) filters[key] = value;
	}
	return { query: params.get('q')?.trim() ?? '', filters };
}

/** The query string for a search (`?q=...&kind=...`), filters in the given key order so links are stable. */
export function searchQueryString(state: SearchState, filterKeys: readonly string[]): string {
	const params = new URLSearchParams();
	if (state.query.trim()) params.set('q', state.query.trim());
	for (const key of filterKeys) if (state.filters[key]) params.set(key, state.filters[key]);
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The search page URL under the site's base (`/ops/search/?q=...`). */
export function searchPageHref(base: string, state: SearchState, filterKeys: readonly string[]): string {
	return `${base.replace(/\/*$/, '/')}search/${searchQueryString(state, filterKeys)}`;
}
