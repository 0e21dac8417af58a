/**
 * Offline use (issue #8) against fixture sites built with the real pipeline (tests/fixtures/offline: three runbooks,
 * one with a Mermaid diagram, and a procedure), each served by a static server that the tests stop to take the
 * docs host away:
 *   - after one visit, pages never visited, a diagram (full size included), a checklist (its module loads on the
 *     first tick) and search work with the browser offline and the server gone;
 *   - a rebuild is offered as "New version available"; accepting shows the new build, and only the new build;
 *   - the zip download works unzipped from file://: links, diagrams (full size included) and search;
 *   - a sub-path build (/ops/) registers its worker for the sub-path only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { OFFLINE_ZIP_FILE, OFFLINE_ZIP_FOLDER, type OfflineManifest } from '../../src/offline/offline-files.ts';
import { buildSite, makeFixture, type FixtureBuild } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

/** Fixed build times (SOURCE_DATE_EPOCH) make the content stamp of each build known in advance. */
const FIRST_BUILD = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 1, 8, 0) / 1000) };
const SECOND_BUILD = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 2, 9, 30) / 1000) };

let site: FixtureBuild;

test.beforeAll(() => {
	test.setTimeout(300_000);
	site = buildSite(makeFixture('offline'), undefined, FIRST_BUILD);
	expect(site.status, site.output).toBe(0);
});

/** "Available offline": the worker is active, so the whole precache is stored. */
async function waitUntilAvailableOffline(page: Page): Promise<void> {
	await expect(page.locator('[data-offline-status]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
	await expect(page.locator('[data-offline-state]')).toHaveText('Available offline');
}

test('the build reports the precache and writes the download', () => {
	expect(site.output).toMatch(/offline: precache \d+ files, [\d.]+ MB/);
	const manifest = JSON.parse(
		fs.readFileSync(path.join(site.outDir, 'offline-manifest.json'), 'utf8'),
	) as OfflineManifest;
	expect(manifest.files).toBeGreaterThan(20);
	expect(manifest.bytes).toBeGreaterThan(0);
	expect(Object.keys(manifest.groups)).toEqual(expect.arrayContaining(['pages', 'search index', 'scripts and styles']));
	// Diagrams are inline in their pages (full size included): no files of their own to precache.
	expect(Object.keys(manifest.groups)).not.toContain('diagrams');
	expect(fs.existsSync(path.join(site.outDir, 'diagrams'))).toBe(false);
	expect(manifest.stamp).toMatch(/^Content (\w{4,40}|uncommitted) · built 2026-11-01 08:00 UTC$/);
	expect(fs.statSync(path.join(site.outDir, OFFLINE_ZIP_FILE)).size).toBe(manifest.zip.bytes);
	// The checklist module loads on a page's first tick, which may come offline: it is precached like every script.
	expect(manifestUrls(site.outDir, '').filter((url) => /\/_astro\/checklists\.[\w-]+\.js$/.test(url))).toHaveLength(1);
});

test('after one visit, unvisited pages, a diagram and search work with no network and no server', async ({
	page,
	context,
}) => {
	test.setTimeout(300_000);
	const server = await startStaticServer(site.outDir);
	try {
		await page.goto(server.url);
		await expect(page.locator('.content-stamp')).toContainText('built 2026-11-01 08:00 UTC');
		await waitUntilAvailableOffline(page);
	} finally {
		await context.setOffline(true);
		await server.close();
	}
	await expect(page.locator('[data-offline-indicator]')).toBeVisible();
	await expect(page.locator('[data-offline-indicator]')).toContainText(
		'Offline: showing the copy saved on this device',
	);

	// Three pages never visited; the first has a diagram, whose full size works too (it is the same page).
	const triage = await page.goto(`${server.url}runbooks/triage/`);
	expect(triage?.fromServiceWorker()).toBe(true);
	await expect(page.locator('h1')).toHaveText('Triage the fixture');
	await expect(page.locator('figure.diagram svg').first()).toBeVisible();
	await expectFullSize(page);
	await page.goto(`${server.url}runbooks/restart/`);
	await expect(page.locator('main')).toContainText('first edition');
	await page.goto(`${server.url}procedures/escalate/`);
	await expect(page.locator('h1')).toHaveText('Escalate in the fixture');
	await expect(page.locator('[data-offline-indicator]')).toBeVisible();

	// A checklist never used online: its first tick loads the checklist module, from the precache.
	await page.goto(`${server.url}runbooks/deploy/`);
	await page.getByRole('checkbox', { name: 'Health checked' }).click();
	await expect(page.locator('.checklist-progress')).toHaveText('1 of 1 done');
	await expect(page.locator('time.checklist-time')).toHaveCount(1);

	// Search: Pagefind's index comes from the precache (its ?ts= requests included).
	await page.goto(`${server.url}search/?q=marmalade`);
	await expect(page.locator('.search-hit').first()).toContainText('marmalade', { timeout: 15_000 });
	await expect(page.locator('.search-group-title').first()).toContainText('Restart the fixture');

	// An address outside the site's offline copy gets the offline page.
	await page.goto(`${server.url}no/such/page/`);
	await expect(page.locator('h1')).toHaveText('You are offline');
});

/**
 * "Open full size" on the page's first diagram: the figure fills the viewport and its SVG is wider than a phone;
 * "Close full size" puts it back.
 */
async function expectFullSize(page: Page): Promise<void> {
	const figure = page.locator('figure.diagram').first();
	await figure.getByRole('link', { name: /^Open full size/ }).click();
	await expect(page).toHaveURL(/#diagram-[0-9a-f]{6}-1$/);
	const viewport = page.viewportSize()!;
	expect(await figure.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
	expect(
		await figure
			.locator('svg')
			.first()
			.evaluate((e) => e.getBoundingClientRect().width),
	).toBeGreaterThan(360);
	await figure.getByRole('link', { name: /^Close full size/ }).click();
	await expect(page).toHaveURL(/#diagram-[0-9a-f]{6}-1-title$/);
	expect((await figure.boundingBox())!.width).toBeLessThan(viewport.width);
}

/** The precache's URLs (with Workbox's revision parameter), as the page's worker stores them. */
function precachedUrls(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const names = (await caches.keys()).filter((n) => n.includes('-precache-'));
		const keys = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
		return keys.flat().sort();
	});
}

/** The precache URLs a build's sw.js lists, in the form the cache stores them. */
function manifestUrls(outDir: string, origin: string): string[] {
	const sw = fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8');
	return [
		...sw.matchAll(/\{(?:url:"([^"]+)",revision:(?:"([^"]+)"|null)|revision:(?:"([^"]+)"|null),url:"([^"]+)")\}/g),
	]
		.map((m) => {
			const url = m[1] ?? m[4]!;
			const revision = m[2] ?? m[3];
			return `${origin}${url}${revision ? `?__WB_REVISION__=${revision}` : ''}`;
		})
		.sort();
}

test('a new build is offered, and accepting it shows the new build only', async ({ page }) => {
	test.setTimeout(300_000);
	const fixture = makeFixture('offline');
	const outDir = `${fixture}-dist`;
	const first = buildSite(fixture, outDir, FIRST_BUILD);
	expect(first.status, first.output).toBe(0);
	const server = await startStaticServer(outDir);
	try {
		const origin = new URL(server.url).origin;
		await page.goto(`${server.url}runbooks/restart/`);
		await waitUntilAvailableOffline(page);
		await expect(page.locator('main')).toContainText('first edition');
		const oldUrls = manifestUrls(outDir, origin);
		await expect.poll(() => precachedUrls(page)).toEqual(oldUrls);

		// Deploy a new build with a changed page into the folder the server serves.
		const restart = path.join(fixture, 'runbooks', 'restart.mdx');
		fs.writeFileSync(restart, fs.readFileSync(restart, 'utf8').replace('first edition', 'second edition'));
		const second = buildSite(fixture, outDir, SECOND_BUILD);
		expect(second.status, second.output).toBe(0);
		const newUrls = manifestUrls(outDir, origin);
		expect(newUrls).not.toEqual(oldUrls);

		// The open page checks for a new build (as it does every 10 minutes and when the tab becomes visible).
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const prompt = page.locator('[data-update-prompt]');
		await expect(prompt).toBeVisible({ timeout: 30_000 });
		await expect(prompt).toContainText('New version available');
		// Until accepted, every page still comes whole from the old build.
		await expect(page.locator('main')).toContainText('first edition');
		await page.goto(`${server.url}procedures/escalate/`);
		await expect(page.locator('.content-stamp')).toContainText('built 2026-11-01 08:00 UTC');
		await expect(prompt).toBeVisible();
		await page.goto(`${server.url}runbooks/restart/`);
		await expect(page.locator('main')).toContainText('first edition');

		// Accept: the new worker takes over and the page reloads from the new build.
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
		await expect(page.locator('main')).toContainText('second edition');
		await expect(page.locator('.content-stamp')).toContainText('built 2026-11-02 09:30 UTC');
		await expect(page.locator('main')).not.toContainText('first edition');
		await expect(prompt).toBeHidden();
		await waitUntilAvailableOffline(page);
		// No old asset: everything the reloaded page loaded is a file of the new build, and the precache now holds
		// exactly the new build's entries (the old ones are deleted when the new worker activates).
		const sameOrigin = requested.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname);
		expect(sameOrigin.length).toBeGreaterThan(0);
		for (const p of sameOrigin)
			expect(fs.existsSync(path.join(outDir, p.endsWith('/') ? `${p}index.html` : p)), p).toBe(true);
		await expect.poll(() => precachedUrls(page), { timeout: 15_000 }).toEqual(newUrls);
	} finally {
		await server.close();
	}
});

test('the download works unzipped from file://: links, diagrams (full size too) and search', async ({ page }) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-offline-zip-'));
	const files = unzipSync(fs.readFileSync(path.join(site.outDir, OFFLINE_ZIP_FILE)));
	for (const [name, data] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		if (!name.endsWith('/')) fs.writeFileSync(path.join(dir, name), data);
	}
	const root = path.join(dir, OFFLINE_ZIP_FOLDER);
	expect(fs.existsSync(path.join(root, 'sw.js'))).toBe(false);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await page.goto(`file://${root}/index.html`);
	await expect(page.locator('h1')).toContainText('Fixture API operations');
	// Two links: a section index, then a document with a diagram.
	await page.locator('.site-nav a[href="runbooks/index.html"]').click();
	await expect(page).toHaveURL(/\/runbooks\/index\.html$/);
	await page.locator('main').getByRole('link', { name: 'Triage the fixture' }).click();
	await expect(page).toHaveURL(/\/runbooks\/triage\/index\.html$/);
	await expect(page.locator('figure.diagram svg').first()).toBeVisible();
	await expectFullSize(page);
	// Styles load from the disk too.
	expect(await page.locator('body').evaluate((b) => getComputedStyle(b).fontFamily)).toMatch(/system-ui/);

	// Search from the header box: the search page of the download answers from search-data.js.
	await page.locator('#site-search').fill('marmalade');
	await page.locator('#site-search').press('Enter');
	await expect(page).toHaveURL(/\/search\/index\.html\?q=marmalade$/);
	const hit = page.locator('.offline-search-list a').first();
	await expect(hit).toHaveText('Restart the fixture › Steps');
	await hit.click();
	await expect(page).toHaveURL(/\/runbooks\/restart\/index\.html#steps$/);
	await expect(page.locator('#steps')).toBeVisible();

	expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
	expect(errors).toEqual([]);
});

test('a sub-path build registers its worker for the sub-path, and works offline there', async ({ page, context }) => {
	test.setTimeout(150_000);
	const build = buildSite(makeFixture('offline'), undefined, { OPSBOOK_BASE: '/ops/' });
	expect(build.status, build.output).toBe(0);
	const server = await startStaticServer(build.outDir, 0, '/ops/');
	try {
		await page.goto(server.url);
		await waitUntilAvailableOffline(page);
		const registration = await page.evaluate(async () => {
			const r = await navigator.serviceWorker.getRegistration();
			return { scope: r?.scope, script: r?.active?.scriptURL };
		});
		const origin = new URL(server.url).origin;
		expect(registration).toEqual({ scope: `${origin}/ops/`, script: `${origin}/ops/sw.js` });
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/ops/manifest.webmanifest');
		const manifest = (await (await page.request.get(`${server.url}manifest.webmanifest`)).json()) as {
			start_url: string;
			scope: string;
		};
		expect(manifest).toMatchObject({ start_url: '/ops/', scope: '/ops/' });
	} finally {
		await context.setOffline(true);
		await server.close();
	}
	const triage = await page.goto(`${server.url}runbooks/triage/`);
	expect(triage?.fromServiceWorker()).toBe(true);
	await expect(page.locator('figure.diagram svg').first()).toBeVisible();
	// The download of a sub-path build has no trace of the sub-path: file:// has none.
	const files = unzipSync(fs.readFileSync(path.join(build.outDir, OFFLINE_ZIP_FILE)));
	const triageHtml = new TextDecoder().decode(files[`${OFFLINE_ZIP_FOLDER}/runbooks/triage/index.html`]);
	expect(triageHtml).toMatch(/href="\.\.\/\.\.\/procedures\/escalate\/index\.html#contacts"/);
	expect(triageHtml).not.toMatch(/(href|src|action)="\/ops\//);
});
