/**
 * Internal links and anchors, checked on the built HTML: that is where every link finally exists (Markdown links,
 * links from facts, components and diagram click directives alike). Pure: takes pages, returns problems.
 */
export interface BuiltPage {
	/** Site path of the page, with the base: "/ops/runbooks/rollback/". */
	path: string;
	html: string;
}

export interface BrokenLink {
	page: string;
	href: string;
	reason: string;
}

const ID = /\sid="([^"]+)"/g;
const HREF = /<a\b[^>]*?\s(?:xlink:)?href="([^"]*)"/g;

export function idsOf(html: string): string[] {
	return [...html.matchAll(ID)].map((m) => decodeEntities(m[1]!));
}

export function findBrokenLinks(pages: BuiltPage[], base: string, fileExists: (sitePath: string) => boolean): BrokenLink[] {
	const ids = new Map(pages.map((p) => [p.path, new Set(idsOf(p.html))]));
	const broken: BrokenLink[] = [];
	for (const page of pages) {
		const seen = new Set<string>();
		for (const m of page.html.matchAll(HREF)) {
			const href = decodeEntities(m[1]!);
			if (seen.has(href) || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, tel:
			seen.add(href);
			const url = new URL(href, `http://site${page.path}`);
			const target = decodeURIComponent(url.pathname);
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (!target.startsWith(base)) {
				broken.push({ page: page.path, href, reason: `points outside the site's base path ${base}` });
				continue;
			}
			const targetIds = ids.get(target) ?? ids.get(`${target}/`);
			if (!targetIds) {
				if (!fileExists(target)) broken.push({ page: page.path, href, reason: 'no such page' });
				continue;
			}
			if (fragment && !targetIds.has(fragment)) broken.push({ page: page.path, href, reason: `no element with id "${fragment}" on ${target}` });
		}
	}
	return broken;
}

export function findDuplicateIds(page: BuiltPage): string[] {
	const seen = new Set<string>();
	const dupes = new Set<string>();
	for (const id of idsOf(page.html)) (seen.has(id) ? dupes : seen).add(id);
	return [...dupes];
}

function decodeEntities(s: string): string {
	return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
