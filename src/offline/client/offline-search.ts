/**
 * Search for the offline download (opened from file://). Pagefind cannot fetch its index from file:// and module
 * scripts do not run there in Chromium, so the download carries two classic scripts instead:
 *   search-data.js    assigns the index (built from Pagefind's own fragments: same pages, same text) to a global;
 *   offline-search.js these functions, serialised with Function.prototype.toString (like theme-init.ts), so each
 *                     function must stay self-contained: it may call only the other functions listed in
 *                     offlineSearchScript(), and use no imports.
 * Not loaded by the hosted site: there Pagefind does the searching (src/search/client/search-engine.ts).
 */

/** The index, kept small with one-letter keys: it is loaded whole on the download's search page. */
export interface OfflineSearchData {
	/** Pages: site-relative URL ("runbooks/rollback/"), title, kind. */
	pages: Array<{ u: string; t: string; k: string }>;
	/** Sections: page index, anchor id ("" = top of the page), heading, text. */
	sections: Array<{ p: number; a: string; h: string; x: string }>;
}

export interface OfflineHit {
	href: string;
	title: string;
	heading: string;
	kind: string;
	excerpt: string;
	score: number;
}

/** Lower case, single spaces: what both the query and the text are compared in. Keeps string length for excerpts. */
export function foldText(text: string): string {
	return text.toLowerCase().replace(/\s/g, ' ');
}

/** Each section's title, heading and text folded once, so a search per keystroke only scans (1000 pages: ~10 MB). */
export function foldSections(data: OfflineSearchData): Array<[string, string, string]> {
	return data.sections.map((s) => [foldText(data.pages[s.p]?.t ?? ''), foldText(s.h), foldText(s.x)]);
}

/**
 * Every query word must appear in the section (its page title, heading or text); matches in titles and headings and
 * at word starts rank higher. Words match as prefixes of text words too ("roll" finds "rollback").
 */
export function searchOffline(
	data: OfflineSearchData,
	query: string,
	limit: number,
	folded: Array<[string, string, string]> = foldSections(data),
): OfflineHit[] {
	const terms = foldText(query)
		.split(' ')
		.filter((t) => t.length > 0);
	if (terms.length === 0) return [];
	const hits: OfflineHit[] = [];
	for (let n = 0; n < data.sections.length; n++) {
		const section = data.sections[n]!;
		const page = data.pages[section.p];
		if (!page) continue;
		const [title, heading, text] = folded[n]!;
		let score = 0;
		let first = -1;
		let matchedAll = true;
		for (const term of terms) {
			const inTitle = title.includes(term);
			const inHeading = heading.includes(term);
			const at = text.indexOf(term);
			if (!inTitle && !inHeading && at < 0) {
				matchedAll = false;
				break;
			}
			if (first < 0 && at >= 0) first = at;
			let count = 0;
			for (let i = at; i >= 0 && count < 5; i = text.indexOf(term, i + term.length)) {
				count += i === 0 || text.charAt(i - 1) === ' ' ? 2 : 1;
			}
			score += (inTitle ? 6 : 0) + (inHeading ? 4 : 0) + count;
		}
		if (!matchedAll) continue;
		// The page's own top section is the better target when the title is what matched.
		if (section.a === '') score += 1;
		hits.push({
			href: section.a ? `${page.u}#${section.a}` : page.u,
			title: page.t,
			heading: section.h,
			kind: page.k,
			excerpt: excerptAround(section.x, first, 160),
			score,
		});
	}
	hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
	return hits.slice(0, limit);
}

/** About `length` characters of `text` around position `at` (the first match), cut at word boundaries. */
export function excerptAround(text: string, at: number, length: number): string {
	if (text.length <= length) return text;
	const start = Math.max(0, at < 0 ? 0 : at - Math.floor(length / 3));
	let from = start === 0 ? 0 : text.indexOf(' ', start) + 1;
	if (from <= 0) from = start;
	let to = Math.min(text.length, from + length);
	if (to < text.length) {
		const space = text.lastIndexOf(' ', to);
		if (space > from) to = space;
	}
	return `${from > 0 ? '… ' : ''}${text.slice(from, to)}${to < text.length ? ' …' : ''}`;
}

/**
 * Wires the download's search page: reads `?q=` (the header search boxes submit here), searches as the reader types,
 * lists sections with links to their anchors. `root` is the relative path from this page to the download's root.
 */
export function mountOfflineSearch(data: OfflineSearchData | undefined, root: string): void {
	const input =
		document.querySelector<HTMLInputElement>('input[data-search-primary]') ??
		document.querySelector<HTMLInputElement>('input[type="search"]');
	const form = input?.form;
	if (!input || !form || !data) return;
	const results = document.createElement('div');
	results.className = 'offline-search-results';
	const status = document.createElement('p');
	status.setAttribute('role', 'status');
	const list = document.createElement('ol');
	list.className = 'offline-search-list';
	results.append(status, list);
	form.after(results);
	const folded = foldSections(data);

	function render(query: string): void {
		list.replaceChildren();
		if (!query.trim()) {
			status.textContent = 'Type to search this offline copy.';
			return;
		}
		const hits = searchOffline(data!, query, 30, folded);
		status.textContent = hits.length
			? `${hits.length} section${hits.length === 1 ? '' : 's'} found for “${query.trim()}”`
			: `Nothing found for “${query.trim()}”`;
		for (const hit of hits) {
			const item = document.createElement('li');
			const link = document.createElement('a');
			const [path, anchor] = hit.href.split('#');
			link.href = `${root}${path}index.html${anchor ? `#${anchor}` : ''}`;
			link.textContent = hit.heading ? `${hit.title} › ${hit.heading}` : hit.title;
			const excerpt = document.createElement('p');
			excerpt.className = 'offline-search-excerpt';
			excerpt.textContent = hit.excerpt;
			item.append(link, excerpt);
			list.append(item);
		}
	}

	const query = new URLSearchParams(location.search).get('q') ?? '';
	input.value = query;
	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => render(input.value), 120);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		render(input.value);
	});
	render(query);
}

/** The download's offline-search.js: the functions above as a classic script, run with the global the data script set. */
export function offlineSearchScript(dataGlobal: string): string {
	const functions = [foldText, foldSections, searchOffline, excerptAround, mountOfflineSearch]
		.map((f) => f.toString())
		.join('\n');
	return `(function () {\n'use strict';\n${functions}\nvar script = document.currentScript;\nmountOfflineSearch(window[${JSON.stringify(dataGlobal)}], (script && script.getAttribute('data-root')) || '');\n})();\n`;
}
