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

export function findBrokenLinks(
	pages: BuiltPage[],
	base: string,
	fileExists: (sitePath: string) => boolean,
): BrokenLink[] {
	const ids = new Map(pages.map((p) => [p.path, new Set(idsOf(p.html))]));
	const broken: BrokenLink[] = [];
	for (const page of pages) {
		const seen = new Set<string>();
		for (const m of page.html.matchAll(HREF)) {
			const href = decodeEntities(m[1]!);
			if (seen.has(href) || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, tel:
			seen.add(href);
			const url = new URL(href, `http://site${page.path}`);
			const target = decodeUrlPart(url.pathname);
			const fragment = decodeUrlPart(url.hash.slice(1));
			if (target === undefined || fragment === undefined) {
				// A stray "%" (e.g. "100%/"): no server maps it to a page, and decoding it would throw.
				broken.push({ page: page.path, href, reason: 'malformed %-escape in the URL' });
				continue;
			}
			// "/ops" is the home page of base "/ops/", as "/ops/runbooks" is "/ops/runbooks/".
			if (!target.startsWith(base) && `${target}/` !== base) {
				broken.push({ page: page.path, href, reason: `points outside the site's base path ${base}` });
				continue;
			}
			// A page is also reached as its folder without the slash or as the folder's index.html: same anchors.
			const folder = target.replace(/(^|\/)index\.html$/, '$1');
			const targetIds = ids.get(folder) ?? ids.get(`${folder}/`);
			if (!targetIds) {
				if (!fileExists(target)) broken.push({ page: page.path, href, reason: 'no such page' });
				continue;
			}
			if (fragment && !targetIds.has(fragment))
				broken.push({ page: page.path, href, reason: `no element with id "${fragment}" on ${target}` });
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

const ENTITIES = new Map([
	['amp', '&'],
	['quot', '"'],
	['apos', "'"],
	['lt', '<'],
	['gt', '>'],
]);

/** Attribute text as the browser reads it. One pass: "&amp;lt;" is the text "&lt;", not "<". */
function decodeEntities(s: string): string {
	return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (all, dec?: string, hex?: string, name?: string) => {
		if (name) return ENTITIES.get(name.toLowerCase()) ?? all;
		const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
		return code <= 0x10ffff ? String.fromCodePoint(code) : all;
	});
}

/** A URL's path or fragment, %-escapes decoded; undefined when an escape is malformed. */
function decodeUrlPart(s: string): string | undefined {
	try {
		return decodeURIComponent(s);
	} catch {
		return undefined;
	}
}
