/**
 * The search filters a document carries, derived from its frontmatter. One list feeds the Pagefind attributes on
 * document pages and the filter controls of the search UI, so a filter can never be offered that pages do not carry.
 */
export const SEARCH_FILTERS = [
	{ key: 'kind', label: 'Kind', any: 'All kinds' },
	{ key: 'severity', label: 'Severity', any: 'Any severity' },
	{ key: 'service', label: 'Service', any: 'All services' },
	{ key: 'tags', label: 'Tag', any: 'Any tag' },
	{ key: 'status', label: 'Status', any: 'Any status' },
] as const;

export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];

export interface FilterSource {
	kind: string;
	severity?: string | undefined;
	service?: string | undefined;
	tags: readonly string[];
	status: string;
}

/** One [key, value] pair per filter value; a document without a severity simply has no severity filter. */
export function searchFilterPairs(data: FilterSource): Array<[SearchFilterKey, string]> {
	const pairs: Array<[SearchFilterKey, string]> = [['kind', data.kind]];
	if (data.severity) pairs.push(['severity', data.severity]);
	if (data.service) pairs.push(['service', data.service]);
	for (const tag of data.tags) pairs.push(['tags', tag]);
	pairs.push(['status', data.status]);
	return pairs;
}
