/**
 * Build-time diagrams (issue #6) against fixture sites built with the real pipeline: tests/fixtures/diagrams has a
 * flowchart with accTitle/accDescr and click links (to another document's section and to an anchor on its page),
 * a flowchart with facts inside a list item, and a sequence diagram on the same page. Each is one SVG whose colours
 * follow the theme (light-dark()); a diagram whose renderings differ in more than colours keeps two (last tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSite, makeFixture, type FixtureBuild } from '../support/fixture-site.ts';
import { startStaticServer, type RunningServer } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

const MISSING_BROWSER = { OPSBOOK_CHROMIUM: '/nonexistent/chromium' };

let fixture: string;
let first: FixtureBuild;
let server: RunningServer;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	fixture = makeFixture('diagrams');
	first = buildSite(fixture);
	expect(first.status, first.output).toBe(0);
	server = await startStaticServer(first.outDir);
});

test.afterAll(async () => {
	await server?.close();
});

const figure = (page: Page) => page.locator('figure.diagram').first();
const drawing = (page: Page) => figure(page).locator('.diagram-themed > svg');

/** Mermaid's node colours (fill, border) in each theme, as computed styles. */
const NODE_COLOURS = {
	light: ['rgb(236, 236, 255)', 'rgb(147, 112, 219)'],
	dark: ['rgb(31, 32, 32)', 'rgb(204, 204, 204)'],
};
const nodeColours = (page: Page) =>
	drawing(page)
		.locator('g.node rect.label-container')
		.first()
		.evaluate((e) => [getComputedStyle(e).fill, getComputedStyle(e).stroke]);

test('the first build renders every diagram and says so', () => {
	expect(first.output).toMatch(/diagrams: 3 rendered, 0 from cache/);
});

test('pages carry inline SVG and load no Mermaid', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(drawing(page)).toBeVisible();
	const html = fs.readFileSync(path.join(first.outDir, 'runbooks/triage/index.html'), 'utf8');
	// One SVG for both themes: colours that differ are light-dark().
	expect(html.match(/<svg [^>]*id="diagram-[0-9a-f]{6}-1-svg"/g)).toHaveLength(1);
	expect(html).toMatch(/fill:light-dark\(#ECECFF, #1f2020\)/);
	expect(html).not.toMatch(/id="diagram-[0-9a-f]{6}-1-(?:light|dark)"/);
	expect(html).not.toMatch(/language-mermaid|<script[^>]*mermaid|mermaid(\.min)?\.js/i);
	expect(requests.filter((u) => /mermaid/i.test(u))).toEqual([]);
	// Both diagrams of a page: no id appears twice.
	const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
	expect(ids.length).toBeGreaterThan(20);
	expect(new Set(ids).size).toBe(ids.length);
});

test('light colours by default, dark under a dark system theme, and the toggle wins over both', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(drawing(page)).toBeVisible();
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.light);

	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.dark);

	// The header toggle cycles system -> dark -> light and sets html[data-theme].
	await page.emulateMedia({ colorScheme: 'light' });
	const toggle = page.locator('[data-theme-toggle]');
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.dark);

	await page.emulateMedia({ colorScheme: 'dark' });
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.light);
});

test('print uses light colours even in dark mode', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${server.url}runbooks/triage/`);
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.dark);
	await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
	expect(await nodeColours(page)).toEqual(NODE_COLOURS.light);
	await expect(figure(page).locator('.diagram-actions')).toBeHidden();
});

test('clicking a node goes to the section it links, in either theme', async ({ page }) => {
	await page.goto(`${server.url}runbooks/triage/`);
	await drawing(page).getByText('Page the on-call engineer').click();
	await expect(page).toHaveURL(`${server.url}procedures/escalate/#contacts`);
	await expect(page.locator('#contacts')).toBeInViewport();

	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${server.url}runbooks/triage/`);
	await drawing(page).getByText('Roll back the release').click();
	await expect(page).toHaveURL(`${server.url}runbooks/triage/#steps`);
});

test('the figure is named by accTitle and has a text version with the description, nodes and links', async ({
	page,
}) => {
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(page.getByRole('figure', { name: 'Triage decision for the fixture' })).toBeVisible();
	const region = page.getByRole('region', { name: 'Triage decision for the fixture' });
	await expect(region).toHaveAttribute('tabindex', '0');
	const details = figure(page).locator('details.diagram-text');
	await details.locator('summary', { hasText: 'Text version' }).click();
	await expect(details).toContainText('From an alert to either a rollback or an escalation');
	await expect(
		details.getByRole('listitem').filter({ hasText: 'Error rate above 5%? → no → Page the on-call engineer' }),
	).toHaveCount(1);
	await expect(details).toContainText('Alert fires for Fixture API');
	await details.getByRole('link', { name: 'Page the on-call engineer' }).click();
	await expect(page).toHaveURL(`${server.url}procedures/escalate/#contacts`);
});

test('searching a node label finds the page (from the text version; the SVG is not indexed)', async ({ page }) => {
	const html = fs.readFileSync(path.join(first.outDir, 'runbooks/triage/index.html'), 'utf8');
	expect(html).toMatch(/<div class="diagram-variant diagram-themed" data-pagefind-ignore/);
	await page.goto(`${server.url}search/?q=zephyr`);
	await expect(page.locator('a.search-hit[href*="runbooks/triage/"]').first()).toBeAttached();
});

test('on a phone a wide diagram scrolls inside its own box and opens full size in the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`${server.url}procedures/paging/`);
	const fig = page.locator('figure.diagram').first();
	const scroller = fig.locator('.diagram-scroll');
	const { scrollWidth, clientWidth } = await scroller.evaluate((e) => ({
		scrollWidth: e.scrollWidth,
		clientWidth: e.clientWidth,
	}));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(pageWidth).toBeLessThanOrEqual(360);
	const close = fig.getByRole('link', { name: /^Close full size/ });
	await expect(close).toBeHidden();

	// The link names the diagram and points at the figure itself: no file, no script.
	const open = fig.getByRole('link', { name: /^Open full size ?: Flowchart$/ });
	const id = await fig.getAttribute('id');
	expect(id).toMatch(/^diagram-[0-9a-f]{6}-1$/);
	await expect(open).toHaveAttribute('href', `#${id}`);
	await page.evaluate(() => window.scrollTo(0, 200));
	await open.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${server.url}procedures/paging/#${id}`);
	// The figure covers the viewport, above everything else, which is hidden (also from Tab and screen readers).
	expect(await fig.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('main h1')).toBeHidden();
	// The SVG at its natural size, wider than the phone, in a box that scrolls.
	expect(
		await fig
			.locator('svg')
			.first()
			.evaluate((e) => e.getBoundingClientRect().width),
	).toBeGreaterThan(360);
	expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflow === 'auto')).toBe(
		true,
	);
	// Keyboard: Tab reaches "Close full size", then the scrollable drawing.
	await expect(close).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(close).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(scroller).toBeFocused();

	// Close: back to the caption, where the reader was; the figure is in the page again.
	await close.click();
	await expect(page).toHaveURL(`${server.url}procedures/paging/#${id}-title`);
	await expect(page.locator('.site-header')).toBeVisible();
	expect((await fig.boundingBox())!.width).toBeLessThan(360);
	await expect(fig.locator('figcaption')).toBeInViewport();

	// The back button closes it too.
	await open.click();
	expect(await fig.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
	await page.goBack();
	await expect(page).toHaveURL(`${server.url}procedures/paging/#${id}-title`);
	await expect(close).toBeHidden();
	expect((await fig.boundingBox())!.width).toBeLessThan(360);
});

test('a second build with unchanged diagrams renders none and needs no browser', () => {
	test.setTimeout(300_000);
	const second = buildSite(fixture, first.outDir, MISSING_BROWSER);
	expect(second.status, second.output).toBe(0);
	expect(second.output).toMatch(/diagrams: 0 rendered, 3 from cache/);
});

test('a site without diagrams builds with no browser at all', () => {
	test.setTimeout(300_000);
	const build = buildSite(makeFixture('minimal'), undefined, MISSING_BROWSER);
	expect(build.status, build.output).toBe(0);
	expect(build.output).toMatch(/diagrams: 0 rendered, 0 from cache/);
});

test('a diagram that is not cached and no browser: the error says how to get one', () => {
	test.setTimeout(300_000);
	const build = buildSite(makeFixture('diagrams'), undefined, MISSING_BROWSER);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/3 diagram\(s\) are not in the cache and need a browser to render \(first: .*procedures\/paging\.mdx:18\)/,
	);
	expect(build.output).toMatch(/No Chromium found at OPSBOOK_CHROMIUM=\/nonexistent\/chromium/);
	expect(build.output).toMatch(/npx playwright install chromium/);
});

test("an invalid diagram fails the build with the file, the line of the block and Mermaid's message", () => {
	test.setTimeout(300_000);
	const dir = makeFixture('diagrams');
	const file = path.join(dir, 'runbooks/triage.mdx');
	fs.writeFileSync(
		file,
		fs
			.readFileSync(file, 'utf8')
			.replace('B -- no --> D["Page the on-call engineer"]', 'B -- no --> D["Page the on-call engineer"\n  D --> ((('),
	);
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/runbooks\/triage\.mdx:16 diagram: Mermaid could not render this diagram \(diagram line 7 is file line 23\)/,
	);
	expect(build.output).toMatch(/Parse error on line 7:[\s\S]*Expecting .*got 'DOUBLECIRCLESTART'/);
	expect(fs.existsSync(build.outDir)).toBe(false);
});

test('under a sub-path, node links carry the base and full size stays on the page', async ({ page }) => {
	test.setTimeout(300_000);
	const dir = makeFixture('diagrams');
	const build = buildSite(dir, undefined, { OPSBOOK_BASE: '/ops/' });
	expect(build.status, build.output).toBe(0);
	const sub = await startStaticServer(build.outDir, 0, '/ops/');
	try {
		await page.goto(`${sub.url}runbooks/triage/`);
		await figure(page)
			.getByRole('link', { name: /^Open full size/ })
			.click();
		await expect(page).toHaveURL(new RegExp(`^${sub.url}runbooks/triage/#diagram-[0-9a-f]{6}-1$`));
		await expect(figure(page).getByRole('link', { name: /^Close full size/ })).toBeVisible();
		await drawing(page).getByText('Page the on-call engineer').click();
		await expect(page).toHaveURL(`${sub.url}procedures/escalate/#contacts`);
	} finally {
		await sub.close();
	}
});

test('a diagram whose renderings differ in more than colours keeps a light and a dark SVG, shown by theme', async ({
	page,
}) => {
	test.setTimeout(300_000);
	// Mermaid draws a stadium node (["…"]) through rough.js, with random curve points each time: no two renderings match.
	const stadium = [
		'---',
		'title: Stadium in the fixture',
		'description: A diagram Mermaid draws differently per theme.',
		'kind: procedure',
		'owner: { team: SRE, role: on-call-engineer }',
		'service: fixture-api',
		'status: active',
		'lastReviewed: 2026-11-01',
		'reviewEvery: 90',
		'lastTested: { date: 2026-11-01, method: tabletop }',
		'duration: 5',
		'---',
		'',
		'```mermaid',
		'flowchart TD',
		'  accTitle: Stadium flow',
		'  S(["Start here"]) --> E["End"]',
		'```',
		'',
	].join('\n');
	const build = buildSite(makeFixture('diagrams', { 'procedures/stadium.mdx': stadium }));
	expect(build.status, build.output).toBe(0);
	const site = await startStaticServer(build.outDir);
	try {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${site.url}procedures/stadium/`);
		const light = figure(page).locator('.diagram-light > svg');
		const dark = figure(page).locator('.diagram-dark > svg');
		await expect(light).toBeVisible();
		await expect(dark).toBeHidden();
		await expect(figure(page).locator('.diagram-themed')).toHaveCount(0);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect(dark).toBeVisible();
		await expect(light).toBeHidden();
		await page.locator('[data-theme-toggle]').click(); // system -> dark
		await page.locator('[data-theme-toggle]').click(); // dark -> light
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		await expect(light).toBeVisible();
		await expect(dark).toBeHidden();
		await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
		await expect(light).toBeVisible();
		// One "Open full size" for the figure, and full size shows the variant of the theme.
		await page.emulateMedia({ colorScheme: 'dark', media: 'screen' });
		const open = figure(page).getByRole('link', { name: /^Open full size ?: Stadium flow$/ });
		await expect(open).toHaveCount(1);
		await open.click();
		await expect(light).toBeVisible();
		expect((await figure(page).boundingBox())!.y).toBe(0);
	} finally {
		await site.close();
	}
});
