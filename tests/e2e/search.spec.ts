/**
 * Search (issue 7), against the real built site: nothing of search loads until it is opened, section-level results
 * that land on their heading, filters, alert names, keyboard control, the deep-linkable search page, a phone screen.
 * Every test also records every request the browser makes and fails if one leaves the site's origin, or if the
 * site's Content-Security-Policy blocks anything.
 * One fixture build checks sub-path hosting, which the main site is not built with.
 */
import { siteContentDir } from '../support/site.ts';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { listDocumentFiles, readSourceFile } from '../../src/core/content-files.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/core/search-bundle.ts';

import { buildSite, makeFixture } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';

/** Origins a test may reach besides the site under test (a fixture site on its own port). */
interface Origins {
	allow(origin: string): void;
}

const test = base.extend<{ origins: Origins }>({
	origins: [
		async ({ context, baseURL }, use) => {
			const allowed = new Set([new URL(baseURL!).origin]);
			const away: string[] = [];
			// The site's Content-Security-Policy must let search run (Pagefind's WebAssembly and worker included).
			const blocked: string[] = [];
			context.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !allowed.has(url.origin)) away.push(request.url());
			});
			context.on('console', (message) => {
				if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
			});
			await use({ allow: (origin) => allowed.add(origin) });
			expect(away, 'requests that left the site origin').toEqual([]);
			expect(blocked, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true },
	],
});

const docs = listDocumentFiles(siteContentDir).map((file) => readSourceFile(siteContentDir, file));
/** Anything that belongs to search: the island, its stylesheet, Pagefind and its index. */
const SEARCH_FILES = new RegExp(`/${SEARCH_BUNDLE_DIR}/|/_astro/search[-.][^/]*\\.(js|css)$`);

const box = (page: Page) => page.locator('#site-search');
const listbox = (page: Page) => page.locator('#site-search-listbox');
const options = (page: Page) => listbox(page).getByRole('option');

/** Waits until the results for `query` are complete (the best page is drawn first, the live region speaks last). */
async function settled(page: Page, query: string): Promise<void> {
	await expect(page.locator('form[data-search-form="header"] [role="status"]')).toContainText(`“${query}”`);
	await expect(options(page).first()).toBeVisible();
}

async function search(page: Page, query: string): Promise<void> {
	await box(page).fill(query);
	await settled(page, query);
}

test('nothing of search loads before it is opened; / and Ctrl+K open it', async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto('runbooks/');
	await page.waitForLoadState('networkidle');
	expect(
		requested.filter((u) => SEARCH_FILES.test(u)),
		'search files fetched on page load',
	).toEqual([]);

	const pagefind = page.waitForRequest(new RegExp(`/${SEARCH_BUNDLE_DIR}/pagefind\\.js$`));
	await page.keyboard.press('/');
	await expect(box(page)).toBeFocused();
	await pagefind;
	// Inside a text field "/" is just a character.
	await page.keyboard.type('5/10');
	await expect(box(page)).toHaveValue('5/10');

	await page.locator('main h1').click();
	await expect(box(page)).not.toBeFocused();
	await page.keyboard.press('Control+k');
	await expect(box(page)).toBeFocused();
	expect(
		await box(page).evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!),
		'the old query is selected, ready to replace',
	).toBe(4);

	// A focused checklist checkbox is not a text field: "/" still opens search.
	await page.goto('procedures/deployment-checklist/');
	await page.locator('.task-list-item input[type="checkbox"]').first().focus();
	await page.keyboard.press('/');
	await expect(box(page)).toBeFocused();

	// On the home page "/" goes to its own large search box.
	await page.goto('./');
	await page.keyboard.press('/');
	await expect(page.locator('#home-search')).toBeFocused();
});

interface Section {
	id: string;
	depth: number;
	index: number;
	text: string;
}

/** The sections of a document page as the index sees them: text split at headings with ids, chrome left out. */
function sectionsOnPage(page: Page): Promise<Section[]> {
	return page.evaluate(() => {
		const indexed = document.querySelector('[data-pagefind-body]');
		if (!indexed) return [];
		const body = indexed.cloneNode(true) as HTMLElement;
		body
			.querySelectorAll('[data-pagefind-ignore], nav, svg, script, style, noscript, form, footer, iframe, template')
			.forEach((e) => {
				e.remove();
			});
		const found: Array<{ id: string; depth: number; text: string }> = [];
		let current = { id: '', depth: 1, text: '' };
		const walk = (node: Node): void => {
			if (node.nodeType === Node.TEXT_NODE) {
				current.text += ` ${node.textContent}`;
				return;
			}
			if (node instanceof HTMLElement && /^H[2-6]$/.test(node.tagName) && node.id) {
				found.push(current);
				current = { id: node.id, depth: Number(node.tagName[1]), text: '' };
			}
			node.childNodes.forEach(walk);
		};
		walk(body);
		found.push(current);
		return found.map((s, index) => ({ ...s, index }));
	});
}

/** Every word the index could match in a text: whole tokens and the parts of camelCase and dotted identifiers. */
function indexWords(text: string): string[] {
	return [
		...(text.toLowerCase().match(/[a-z]+/g) ?? []),
		...(text
			.replace(/([a-z])([A-Z])/g, '$1 $2')
			.toLowerCase()
			.match(/[a-z]+/g) ?? []),
	];
}

/** Plain prose words: lowercase, standing alone between spaces and punctuation (not part of an identifier or host). */
function proseWords(text: string): string[] {
	return [...text.matchAll(/(?<=^|\s)([a-z]{9,})(?=[\s,.;:!?)]|$)/g)].map((m) => m[1]!);
}

test('a term found only in a deep section links to that section, and following it lands on the heading', async ({
	page,
}) => {
	// Find, in the real content, a prose word that occurs in one h3 section deep in a document and nowhere else. Words
	// are compared on their first 5 letters, so stemming ("approving", "approval") and prefix matching cannot find it
	// elsewhere either.
	const all: Array<Section & { doc: string }> = [];
	for (const doc of docs) {
		await page.goto(`${doc.id}/`);
		for (const section of await sectionsOnPage(page)) all.push({ ...section, doc: doc.id });
	}
	const where = new Map<string, Set<string>>();
	for (const s of all)
		for (const w of indexWords(s.text))
			where.set(w.slice(0, 5), (where.get(w.slice(0, 5)) ?? new Set()).add(`${s.doc}#${s.id}`));
	const deep = all.filter((s) => s.depth === 3 && s.index >= 3).sort((a, b) => b.index - a.index);
	const pick = deep.flatMap((s) =>
		proseWords(s.text)
			.filter((w) => where.get(w.slice(0, 5))!.size === 1)
			.map((word) => ({ ...s, word })),
	)[0];
	expect(pick, 'the content has a word found only in one deep h3 section').toBeTruthy();
	const { doc, id, word } = pick!;
	test.info().annotations.push({ type: 'term', description: `${word} (${doc}#${id})` });

	// A page with the header's box (the home page has only its own large one).
	await page.goto('runbooks/');
	await search(page, word);
	const first = options(page).first();
	await expect(first).toHaveAttribute('href', new RegExp(`/${doc}/#${id}$`));
	await expect(first.locator('mark').first()).toBeVisible();

	await box(page).press('ArrowDown');
	await box(page).press('Enter');
	await expect(page).toHaveURL(new RegExp(`/${doc}/#${id}$`));
	await expect(page.locator(`h3[id="${id}"]`)).toBeInViewport();
});

test('a filter narrows the results, and every result left has the chosen value', async ({ page }) => {
	await page.goto('runbooks/');
	await box(page).click();
	await search(page, 'rollback');
	const status = page.locator('form[data-search-form="header"] [role="status"]');
	const countIn = async () => Number((await status.textContent())!.match(/^(\d+) document/)![1]);
	const before = await countIn();
	const kinds = await listbox(page).locator('.search-kind').allTextContents();
	expect(new Set(kinds).size, 'the query finds more than one kind of document').toBeGreaterThan(1);
	// The first search does not wait for the filter indexes; the counts for this query still come, and are right.
	const runbookOption = page.locator('select[data-filter-key="kind"] option[value="runbook"]');
	await expect(runbookOption).toHaveText(/^runbook \(\d+\)$/);
	const runbooks = Number((await runbookOption.textContent())!.match(/\((\d+)\)/)![1]);

	await page.locator('select[data-filter-key="kind"]').selectOption('runbook');
	await expect(status).toContainText('with these filters');
	expect(await countIn()).toBeLessThan(before);
	expect(await countIn()).toBe(runbooks);
	expect(new Set(await listbox(page).locator('.search-kind').allTextContents())).toEqual(new Set(['runbook']));
	// The count next to each choice follows the query.
	await expect(page.locator('select[data-filter-key="kind"] option[value="runbook"]')).toHaveText(
		new RegExp(`runbook \\(${await countIn()}\\)`),
	);
});

test('an alert name finds its troubleshooting entry, not the pages that list it only in their metadata', async ({
	page,
}) => {
	const alert = 'UploadsApiHighErrorRate';
	const entry = docs.find((d) => new RegExp(`^### ${alert}\\s*$`, 'm').test(d.body));
	expect(entry, `a document has a "### ${alert}" entry`).toBeTruthy();
	const metadataOnly = docs.filter(
		(d) =>
			new RegExp(`alerts:[^\\n]*\\b${alert}\\b|^\\s+- ${alert}$`, 'm').test(d.frontmatter) && !d.body.includes(alert),
	);

	await page.goto('runbooks/');
	await search(page, alert);
	await expect(options(page).first()).toHaveAttribute('href', new RegExp(`/${entry!.id}/#${alert.toLowerCase()}$`));
	await expect(options(page).first().locator('.search-hit-title')).toHaveText(alert);
	for (const doc of metadataOnly)
		await expect(listbox(page).locator(`a[href*="/${doc.id}/"]`), `${doc.id} lists it only in metadata`).toHaveCount(0);

	await box(page).press('ArrowDown');
	await box(page).press('Enter');
	await expect(page.getByRole('heading', { level: 3, name: alert })).toBeInViewport();
});

test('arrow keys move through results, Enter opens one, Escape closes the list', async ({ page }) => {
	await page.goto('procedures/');
	await page.keyboard.press('/');
	await page.keyboard.type('rollback');
	await settled(page, 'rollback');
	await expect(options(page).nth(2)).toBeVisible();
	await expect(box(page)).toHaveAttribute('role', 'combobox');
	await expect(box(page)).toHaveAttribute('aria-expanded', 'true');

	const ids = await options(page).evaluateAll((els) => els.map((e) => e.id));
	await page.keyboard.press('ArrowDown');
	await expect(box(page)).toHaveAttribute('aria-activedescendant', ids[0]!);
	await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(box(page)).toHaveAttribute('aria-activedescendant', ids[2]!);
	await page.keyboard.press('ArrowUp');
	await expect(box(page)).toHaveAttribute('aria-activedescendant', ids[1]!);
	await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'false');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(box(page), 'up from the first result wraps to the last').toHaveAttribute(
		'aria-activedescendant',
		ids.at(-1)!,
	);

	await page.keyboard.press('Escape');
	await expect(page.locator('#site-search-panel')).toBeHidden();
	await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(box(page)).not.toHaveAttribute('aria-activedescendant');
	await expect(box(page), 'Escape keeps the query').toHaveValue('rollback');

	await page.keyboard.press('ArrowDown');
	await expect(page.locator('#site-search-panel')).toBeVisible();
	await page.keyboard.press('ArrowDown');
	const href = (await options(page).nth(1).getAttribute('href'))!;
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new URL(href, page.url()).href);
});

test('the search page runs the search in its address and keeps the filters there', async ({ page }) => {
	await page.goto('search/?q=rollback');
	const results = page.locator('#page-search-listbox').getByRole('option');
	await expect(results.first()).toBeVisible();
	await expect(page.locator('#page-search')).toHaveValue('rollback');
	await expect(page).toHaveTitle(/^Search: rollback/);

	await page.locator('#page-search-panel select[data-filter-key="kind"]').selectOption('runbook');
	await expect(page).toHaveURL(/\/search\/\?q=rollback&kind=runbook$/);
	await page.reload();
	await expect(page.locator('#page-search-panel select[data-filter-key="kind"]')).toHaveValue('runbook');
	await expect(results.first()).toBeVisible();
	expect(new Set(await page.locator('#page-search-listbox .search-kind').allTextContents())).toEqual(
		new Set(['runbook']),
	);

	// Enter in the header box (nothing chosen) goes to the search page with the query.
	await page.goto('runbooks/');
	await box(page).fill('escalation');
	await box(page).press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=escalation$/);
	await expect(page.locator('#page-search-listbox').getByRole('option').first()).toBeVisible();
});

test('without JavaScript the search box still reaches the search page, which says search needs JavaScript', async ({
	browser,
	baseURL,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
	const page = await context.newPage();
	await page.goto('runbooks/');
	await box(page).fill('rollback');
	await box(page).press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=rollback$/);
	// (Playwright's text queries skip <noscript>, so the message is found by its box.)
	await expect(page.locator('.search-noscript')).toBeVisible();
	await expect(page.locator('.search-noscript')).toContainText('Search needs JavaScript');
	await context.close();
});

test('at 375 px the open results fit the screen: no sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('runbooks/rollback/');
	// On a phone the header shows a Search button; it opens the box with the cursor in it.
	await page.locator('.header-search > summary').click();
	await expect(box(page)).toBeFocused();
	await search(page, 'database');
	const panel = await page.locator('#site-search-panel').boundingBox();
	expect(panel!.x).toBeGreaterThanOrEqual(0);
	expect(panel!.x + panel!.width).toBeLessThanOrEqual(375);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.goto('search/?q=database');
	await expect(page.locator('#page-search-listbox').getByRole('option').first()).toBeVisible();
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
	).toBeLessThanOrEqual(0);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`open results have no serious accessibility violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('runbooks/');
		await box(page).click();
		await search(page, 'rollback');
		await box(page).press('ArrowDown');
		expect(await seriousViolations(page, { include: 'form[data-search-form="header"]' })).toEqual([]);
	});
}

test('under a sub-path, search loads from the sub-path and its results link into it', async ({ page, origins }) => {
	test.setTimeout(300_000);
	const content = makeFixture('minimal');
	const built = buildSite(content, path.join(path.dirname(content), `${path.basename(content)}-ops-dist`), {
		OPSBOOK_BASE: '/ops/',
	});
	expect(built.status, built.output).toBe(0);
	const server = await startStaticServer(built.outDir, 0, '/ops/');
	origins.allow(new URL(server.url).origin);
	try {
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(`${server.url}runbooks/deploy/`);
		await page.keyboard.press('/');
		await page.keyboard.type('FixtureApiDown');
		await expect(options(page).first()).toHaveAttribute('href', '/ops/runbooks/deploy/#fixtureapidown');
		expect(
			requested.filter((p) => p.includes(SEARCH_BUNDLE_DIR)).every((p) => p.startsWith(`/ops/${SEARCH_BUNDLE_DIR}/`)),
		).toBe(true);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(`${server.url}search/?q=FixtureApiDown`);
		await expect(page.locator('#page-search-listbox').getByRole('option').first()).toHaveAttribute(
			'href',
			'/ops/runbooks/deploy/#fixtureapidown',
		);
	} finally {
		await server.close();
	}
});
