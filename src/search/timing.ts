/**
 * Time from a keystroke in the search box to the first result on screen, measured in a real browser against a served
 * site. For the benchmark (`npm run bench`, issue 12), never for tests: timings depend on the machine.
 *
 * - cold: a fresh browser context (empty cache) on a page where nothing of search has loaded; the clock starts at the
 *   `/` that opens search, the query is then typed at once, and the clock stops when the first result is in the
 *   page. This includes loading the search island, Pagefind, its WebAssembly and the index chunks for the query.
 * - warm: the same page afterwards; the box is cleared, the clock starts at the input event of the query and stops
 *   when its results are in the page: the search and render alone.
 *
 * Both are read inside the page (performance.now() in an event listener and a MutationObserver), so Playwright's
 * own round trips are not counted.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../core/browser.ts';

export interface SearchTimingOptions {
	/** Measurements of each kind (default 5); the median is reported. */
	runs?: number;
	/** Page to search from, relative to the site URL (default: the home page). */
	path?: string;
	/** Query for the warm runs (default: the same query). */
	warmQuery?: string;
	/** A browser to reuse; by default one is launched (src/core/browser.ts) and closed afterwards. */
	browser?: Browser;
	/**
	 * No service worker: a first visit registers one, whose precache downloads the site while the reader searches.
	 * Measuring both ways tells search's own cost from that competition.
	 */
	blockServiceWorker?: boolean;
}

export interface SearchTiming {
	query: string;
	warmQuery: string;
	coldMs: number[];
	warmMs: number[];
	coldMedianMs: number;
	warmMedianMs: number;
}

const TIMER = '__opsbookSearchTimer';

/** Starts the in-page clock at the next `startOn` event and stops it when a result option is in the page. */
async function armTimer(page: Page, startOn: 'keydown' | 'input'): Promise<void> {
	await page.evaluate(
		([event, key]) => {
			(window as unknown as Record<string, Promise<number>>)[key] = new Promise<number>((resolve) => {
				let start: number | undefined;
				document.addEventListener(event, () => (start ??= performance.now()), { capture: true, once: true });
				const observer = new MutationObserver(() => {
					if (start === undefined || !document.querySelector('[role="listbox"] [role="option"]')) return;
					observer.disconnect();
					resolve(performance.now() - start);
				});
				observer.observe(document.body, { childList: true, subtree: true });
			});
		},
		[startOn, TIMER] as const,
	);
}

function readTimer(page: Page): Promise<number> {
	return page.evaluate((key) => (window as unknown as Record<string, Promise<number>>)[key]!, TIMER);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measureSearchTiming(
	siteUrl: string,
	query: string,
	options: SearchTimingOptions = {},
): Promise<SearchTiming> {
	const runs = options.runs ?? 5;
	const warmQuery = options.warmQuery ?? query;
	const url = new URL(options.path ?? '', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
	const browser = options.browser ?? (await launchBrowser());
	const coldMs: number[] = [];
	const warmMs: number[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext(options.blockServiceWorker ? { serviceWorkers: 'block' } : {});
			try {
				const page = await context.newPage();
				await page.goto(url, { waitUntil: 'load' });
				await armTimer(page, 'keydown');
				await page.keyboard.press('/');
				await page.keyboard.insertText(query);
				coldMs.push(await readTimer(page));

				// The box `/` opened: the page's main one where it has one (home), else the header's.
				const box = page.locator(`#${await page.evaluate(() => document.activeElement?.id ?? '')}`);
				await box.fill('');
				await page.waitForFunction(() => !document.querySelector('[role="listbox"] [role="option"]'));
				await armTimer(page, 'input');
				await box.fill(warmQuery);
				warmMs.push(await readTimer(page));
			} finally {
				await context.close();
			}
		}
	} finally {
		if (!options.browser) await browser.close();
	}
	return { query, warmQuery, coldMs, warmMs, coldMedianMs: median(coldMs), warmMedianMs: median(warmMs) };
}
