/**
 * The offline page's list of what this device has saved right now: the precache (what the site saved on first visit,
 * in priority order up to its budget) and the pages opened since (the runtime cache). Read from the browser's caches,
 * so it is true for this device, not for the build. Loaded on the offline page only.
 */
import { CACHE_PREFIX } from '../offline-files.ts';

const root = document.querySelector<HTMLElement>('[data-offline-saved]');
const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');

/** A cached URL's page path inside the site ("runbooks/rollback/"), or undefined for a file that is not a page. */
function pagePath(url: string): string | undefined {
	const { pathname } = new URL(url);
	if (!pathname.startsWith(base)) return undefined;
	const inSite = pathname.slice(base.length).replace(/index\.html$/, '');
	return inSite === '' || inSite.endsWith('/') ? inSite : undefined;
}

async function keysOf(match: (name: string) => boolean): Promise<string[]> {
	const urls: string[] = [];
	for (const name of (await caches.keys()).filter(match)) {
		for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
	}
	return urls;
}

async function titleOf(url: string): Promise<string> {
	const response = await caches.match(url);
	const html = response ? await response.text() : '';
	const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.split(' · ')[0];
	return title ? new DOMParser().parseFromString(title, 'text/html').documentElement.textContent || url : url;
}

async function show(panel: HTMLElement): Promise<void> {
	const labels = JSON.parse(panel.dataset.sections ?? '{}') as Record<string, string>;
	const precached = await keysOf((n) => n.startsWith(`${CACHE_PREFIX}-precache`));
	const visited = await keysOf((n) => n === `${CACHE_PREFIX}-pages`);
	const pages = new Set(precached.map(pagePath).filter((p): p is string => p !== undefined));
	// Documents and cards by section ("runbooks/rollback/"); the section lists themselves are not counted.
	const counts = new Map<string, number>();
	let documents = 0;
	for (const p of pages) {
		const [section = '', ...rest] = p.split('/').filter(Boolean);
		const label = labels[section];
		if (!label || rest.length === 0) continue;
		documents++;
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	const searchSaved = precached.some((u) => /\/pagefind\/pagefind-entry\.json/.test(u));
	const summary = panel.querySelector<HTMLElement>('[data-offline-saved-summary]')!;
	summary.textContent = pages.size
		? `${documents} documents and cards saved on this device${searchSaved ? ', and search' : '; search needs the network'}.`
		: 'Nothing is saved on this device yet: open the site once with the network on.';
	const list = panel.querySelector<HTMLUListElement>('[data-offline-saved-sections]')!;
	list.replaceChildren(
		...[...counts].map(([label, n]) => Object.assign(document.createElement('li'), { textContent: `${label}: ${n}` })),
	);
	const opened = [...new Set(visited.map(pagePath).filter((p): p is string => p !== undefined && !pages.has(p)))];
	const visitedList = panel.querySelector<HTMLUListElement>('[data-offline-visited]')!;
	const items = await Promise.all(
		opened.slice(0, 100).map(async (p) => {
			const link = Object.assign(document.createElement('a'), { href: `${base}${p}` });
			link.textContent = await titleOf(`${location.origin}${base}${p}`);
			const item = document.createElement('li');
			item.append(link);
			return item;
		}),
	);
	visitedList.replaceChildren(...items);
	panel.querySelector<HTMLElement>('[data-offline-visited-block]')!.hidden = items.length === 0;
	panel.hidden = false;
}

if (root && 'caches' in window) void show(root);
