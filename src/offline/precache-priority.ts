/**
 * What the service worker saves on install when the site is larger than the precache budget (config
 * `precacheBudgetMB`, default 30 MB). At 1000 documents the whole site is 23.9 MB and fits; at 10,000 it would be about
 * ten times that, more than a phone should download on a first visit. So the precache takes the site in an order of
 * what an engineer needs with the network gone, and stops at the budget:
 *
 *   0. what every page needs: home, search and offline pages, scripts, styles, icons, the web manifest;
 *   1. quick-reference cards (pages and PDFs);
 *   2. playbooks;
 *   3. documents tagged `critical`;
 *   4. the search index (all or nothing: half an index finds half the answers, silently);
 *   5. section pages, then every other document, runbooks and procedures first.
 *
 * Anything left out is saved when first opened (the service worker's runtime cache), so the pages an engineer visited
 * also work offline. Pure: the build step (offline-build.ts) feeds it the files and the documents' kinds and tags.
 */
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';

export interface PrecacheCandidate {
	/** Path inside the site, without the base: "runbooks/rollback/index.html". */
	sitePath: string;
	size: number;
}

/** A document page's kind and tags, by its site path ("runbooks/rollback/index.html"). */
export type PageFacts = ReadonlyMap<string, { kind: string; tags: readonly string[] }>;

export const PRIORITY_LABELS = [
	'site essentials',
	'cards',
	'playbooks',
	'documents tagged critical',
	'search index',
	'section pages',
	'other documents',
] as const;
export type PriorityLabel = (typeof PRIORITY_LABELS)[number];

const ESSENTIAL_PAGES = new Set(['index.html', 'offline/index.html', 'search/index.html', '404.html']);
/** Among "other documents": what an on-call engineer opens first. */
const KIND_ORDER = ['runbook', 'alert', 'procedure', 'template', 'training'];

export interface PrecacheRank {
	/** Index into PRIORITY_LABELS. */
	group: number;
	/** Order within the group (kinds for other documents). */
	within: number;
}

export function precacheRank(sitePath: string, pages: PageFacts): PrecacheRank {
	const rank = (label: PriorityLabel, within = 0): PrecacheRank => ({ group: PRIORITY_LABELS.indexOf(label), within });
	if (ESSENTIAL_PAGES.has(sitePath) || sitePath.startsWith('_astro/') || !sitePath.includes('/'))
		return rank('site essentials');
	if (sitePath.startsWith('cards/')) return rank('cards');
	if (sitePath.startsWith(`${SEARCH_BUNDLE_DIR}/`)) return rank('search index');
	const page = pages.get(sitePath);
	if (page?.kind === 'playbook') return rank('playbooks');
	if (page?.tags.includes('critical')) return rank('documents tagged critical');
	if (!page && sitePath.split('/').length === 2) return rank('section pages');
	const kind = page ? KIND_ORDER.indexOf(page.kind) : -1;
	return rank('other documents', kind === -1 ? KIND_ORDER.length : kind);
}

export interface PrecacheSelection<C extends PrecacheCandidate> {
	kept: C[];
	/** Left out for the budget: saved when first opened. */
	left: C[];
	/** Bytes kept per priority group, and whether the whole group fits. */
	groups: Array<{ label: PriorityLabel; files: number; bytes: number; complete: boolean }>;
	/** The essentials alone are over the budget: kept anyway (a page without its styles is no use), and said. */
	overBudget: boolean;
}

/**
 * Takes candidates in priority order (ties: shorter paths first, then by name, so the result is stable from build to
 * build) while they fit. A file that does not fit is skipped and smaller ones after it may still fit, except inside
 * the search index, which is kept whole or not at all.
 */
export function selectPrecache<C extends PrecacheCandidate>(
	candidates: readonly C[],
	pages: PageFacts,
	budgetBytes: number,
): PrecacheSelection<C> {
	const ranked = candidates.map((c) => ({ c, r: precacheRank(c.sitePath, pages) }));
	ranked.sort(
		(a, b) =>
			a.r.group - b.r.group ||
			a.r.within - b.r.within ||
			a.c.sitePath.split('/').length - b.c.sitePath.split('/').length ||
			a.c.sitePath.localeCompare(b.c.sitePath),
	);
	const kept: C[] = [];
	const left: C[] = [];
	const groups = PRIORITY_LABELS.map((label) => ({ label, files: 0, bytes: 0, complete: true }));
	const searchGroup = PRIORITY_LABELS.indexOf('search index');
	const searchBytes = ranked.filter((x) => x.r.group === searchGroup).reduce((n, x) => n + x.c.size, 0);
	let total = 0;
	let searchFits: boolean | undefined;
	for (const { c, r } of ranked) {
		const essential = r.group === 0;
		let fits = total + c.size <= budgetBytes;
		if (r.group === searchGroup) fits = searchFits ??= total + searchBytes <= budgetBytes;
		if (essential || fits) {
			kept.push(c);
			total += c.size;
			groups[r.group]!.files++;
			groups[r.group]!.bytes += c.size;
		} else {
			left.push(c);
			groups[r.group]!.complete = false;
		}
	}
	const essentials = groups[0]!.bytes;
	return { kept, left, groups: groups.filter((g) => g.files || !g.complete), overBudget: essentials > budgetBytes };
}
