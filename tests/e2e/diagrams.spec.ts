/**
 * Build-time diagrams (issue #6) against fixture sites built with the real pipeline: tests/fixtures/diagrams has a
 * flowchart with accTitle/accDescr and click links (to another document's section and to an anchor on its page),
 * a flowchart with facts inside a list item, and a sequence diagram on the same page.
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
	test.setTimeout(180_000);
	fixture = makeFixture('diagrams');
	first = buildSite(fixture);
	expect(first.status, first.output).toBe(0);
	server = await startStaticServer(first.outDir);
});

test.afterAll(async () => {
	await server?.close();
});

const figure = (page: Page) => page.locator('figure.diagram').first();
const lightSvg = (page: Page) => figure(page).locator('.diagram-light > svg');
const darkSvg = (page: Page) => figure(page).locator('.diagram-dark > svg');

test('the first build renders every diagram and says so', () => {
	expect(first.output).toMatch(/diagrams: 3 rendered, 0 from cache/);
});

test('pages carry inline SVG and load no Mermaid', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(lightSvg(page)).toBeVisible();
	const html = fs.readFileSync(path.join(first.outDir, 'runbooks/triage/index.html'), 'utf8');
	expect(html).toMatch(/<svg [^>]*id="diagram-[0-9a-f]{6}-1-light"/);
	expect(html).toMatch(/<svg [^>]*id="diagram-[0-9a-f]{6}-1-dark"/);
	expect(html).not.toMatch(/language-mermaid|<script[^>]*mermaid|mermaid(\.min)?\.js/i);
	expect(requests.filter((u) => /mermaid/i.test(u))).toEqual([]);
	// Both variants and both diagrams of a page: no id appears twice.
	const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
	expect(ids.length).toBeGreaterThan(20);
	expect(new Set(ids).size).toBe(ids.length);
});

test('light variant by default, dark under a dark system theme, and the toggle wins over both', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(lightSvg(page)).toBeVisible();
	await expect(darkSvg(page)).toBeHidden();

	await page.emulateMedia({ colorScheme: 'dark' });
	await expect(darkSvg(page)).toBeVisible();
	await expect(lightSvg(page)).toBeHidden();

	// The header toggle cycles system -> dark -> light and sets html[data-theme].
	await page.emulateMedia({ colorScheme: 'light' });
	const toggle = page.locator('[data-theme-toggle]');
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(darkSvg(page)).toBeVisible();
	await expect(lightSvg(page)).toBeHidden();

	await page.emulateMedia({ colorScheme: 'dark' });
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect(lightSvg(page)).toBeVisible();
	await expect(darkSvg(page)).toBeHidden();
});

test('print uses the light variant even in dark mode', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(darkSvg(page)).toBeVisible();
	await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
	await expect(lightSvg(page)).toBeVisible();
	await expect(darkSvg(page)).toBeHidden();
});

test('clicking a node goes to the section it links, in either theme', async ({ page }) => {
	await page.goto(`${server.url}runbooks/triage/`);
	await lightSvg(page).getByText('Page the on-call engineer').click();
	await expect(page).toHaveURL(`${server.url}procedures/escalate/#contacts`);
	await expect(page.locator('#contacts')).toBeInViewport();

	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${server.url}runbooks/triage/`);
	await darkSvg(page).getByText('Roll back the release').click();
	await expect(page).toHaveURL(`${server.url}runbooks/triage/#steps`);
});

test('the figure is named by accTitle and has a text version with the description, nodes and links', async ({ page }) => {
	await page.goto(`${server.url}runbooks/triage/`);
	await expect(page.getByRole('figure', { name: 'Triage decision for the fixture' })).toBeVisible();
	const region = page.getByRole('region', { name: 'Triage decision for the fixture' });
	await expect(region).toHaveAttribute('tabindex', '0');
	const details = figure(page).locator('details.diagram-text');
	await details.locator('summary', { hasText: 'Text version' }).click();
	await expect(details).toContainText('From an alert to either a rollback or an escalation');
	await expect(details.getByRole('listitem').filter({ hasText: 'Error rate above 5%? → no → Page the on-call engineer' })).toHaveCount(1);
	await expect(details).toContainText('Alert fires for Fixture API');
	await details.getByRole('link', { name: 'Page the on-call engineer' }).click();
	await expect(page).toHaveURL(`${server.url}procedures/escalate/#contacts`);
});

test('searching a node label finds the page (from the text version; the SVG is not indexed)', async ({ page }) => {
	const html = fs.readFileSync(path.join(first.outDir, 'runbooks/triage/index.html'), 'utf8');
	expect(html).toMatch(/<div class="diagram-variant diagram-light" data-pagefind-ignore/);
	await page.goto(`${server.url}search/?q=zephyr`);
	await expect(page.locator('a.search-hit[href*="runbooks/triage/"]').first()).toBeAttached();
});

test('on a phone a wide diagram scrolls inside its own box and opens full size', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`${server.url}procedures/paging/`);
	const scroller = page.locator('figure.diagram').first().locator('.diagram-scroll');
	const { scrollWidth, clientWidth } = await scroller.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(pageWidth).toBeLessThanOrEqual(360);

	const link = page.locator('figure.diagram').first().getByRole('link', { name: /Open full size/ });
	await expect(link).toHaveCount(1); // the other variant's link is hidden
	const href = await link.getAttribute('href');
	expect(href).toMatch(/^\/diagrams\/[0-9a-f]{16}-light\.svg$/);
	const response = await page.goto(`${server.url}${href!.slice(1)}`);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['content-type']).toContain('image/svg+xml');
	await expect(page.locator('svg').first()).toBeVisible();
	expect(await page.locator('svg').first().evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(360);
});

test('a second build with unchanged diagrams renders none and needs no browser', () => {
	test.setTimeout(120_000);
	const second = buildSite(fixture, first.outDir, MISSING_BROWSER);
	expect(second.status, second.output).toBe(0);
	expect(second.output).toMatch(/diagrams: 0 rendered, 3 from cache/);
});

test('a site without diagrams builds with no browser at all', () => {
	test.setTimeout(120_000);
	const build = buildSite(makeFixture('minimal'), undefined, MISSING_BROWSER);
	expect(build.status, build.output).toBe(0);
	expect(build.output).toMatch(/diagrams: 0 rendered, 0 from cache/);
});

test('a diagram that is not cached and no browser: the error says how to get one', () => {
	test.setTimeout(120_000);
	const build = buildSite(makeFixture('diagrams'), undefined, MISSING_BROWSER);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/3 diagram\(s\) are not in the cache and need a browser to render \(first: .*procedures\/paging\.mdx:18\)/);
	expect(build.output).toMatch(/No Chromium found at OPSBOOK_CHROMIUM=\/nonexistent\/chromium/);
	expect(build.output).toMatch(/npx playwright install chromium/);
});

test('an invalid diagram fails the build with the file, the line of the block and Mermaid\'s message', () => {
	test.setTimeout(120_000);
	const dir = makeFixture('diagrams');
	const file = path.join(dir, 'runbooks/triage.mdx');
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('B -- no --> D["Page the on-call engineer"]', 'B -- no --> D["Page the on-call engineer"\n  D --> ((('));
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/runbooks\/triage\.mdx:16 diagram: Mermaid could not render this diagram \(diagram line 7 is file line 23\)/);
	expect(build.output).toMatch(/Parse error on line 7:[\s\S]*Expecting .*got 'DOUBLECIRCLESTART'/);
	expect(fs.existsSync(build.outDir)).toBe(false);
});

test('under a sub-path, node links and full-size links carry the base', async ({ page }) => {
	test.setTimeout(180_000);
	const dir = makeFixture('diagrams');
	const build = buildSite(dir, undefined, { OPSBOOK_BASE: '/ops/' });
	expect(build.status, build.output).toBe(0);
	const sub = await startStaticServer(build.outDir, 0, '/ops/');
	try {
		await page.goto(`${sub.url}runbooks/triage/`);
		const full = figure(page).getByRole('link', { name: /Open full size/ });
		expect(await full.getAttribute('href')).toMatch(/^\/ops\/diagrams\/[0-9a-f]{16}-light\.svg$/);
		expect((await page.request.get(new URL((await full.getAttribute('href'))!, sub.url).href)).status()).toBe(200);
		await lightSvg(page).getByText('Page the on-call engineer').click();
		await expect(page).toHaveURL(`${sub.url}procedures/escalate/#contacts`);
	} finally {
		await sub.close();
	}
});
