/**
 * The precache budget (issue #21): a site larger than `precacheBudgetMB` saves on first visit what an engineer needs
 * first (src/offline/precache-priority.ts) and the rest when it is opened. Built from tests/fixtures/offline with a
 * budget far below its size and one runbook tagged critical; what the worker actually stores is read from the
 * browser's caches, offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { OfflineManifest } from '../../src/offline/offline-files.ts';
import { buildSite, copyFixture, type FixtureBuild } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

let site: FixtureBuild;
let manifest: OfflineManifest;
/** The pages the service worker precaches, by path in the site ("runbooks/restart/index.html"). */
let precached: Set<string>;

test.beforeAll(() => {
	test.setTimeout(300_000);
	const copy = copyFixture('offline');
	fs.writeFileSync(
		path.join(copy.project, 'astro.config.ts'),
		"import { defineConfig } from 'astro/config';\nimport { opsbook } from 'opsbook';\n\n" +
			"export default defineConfig({ integrations: [opsbook({ content: 'content', precacheBudgetMB: 0.17 })] });\n",
	);
	const restart = path.join(copy.contentDir, 'runbooks', 'restart.mdx');
	fs.writeFileSync(
		restart,
		fs.readFileSync(restart, 'utf8').replace('duration: 5\n', 'duration: 5\ntags: [critical]\n'),
	);
	site = buildSite(copy.contentDir);
	expect(site.status, site.output).toBe(0);
	manifest = JSON.parse(fs.readFileSync(path.join(site.outDir, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
	const sw = fs.readFileSync(path.join(site.outDir, 'sw.js'), 'utf8');
	precached = new Set([...sw.matchAll(/url:"\/([^"]*)"/g)].map((m) => m[1]!));
});

async function waitUntilAvailableOffline(page: Page): Promise<void> {
	await expect(page.locator('[data-offline-status]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

test('the build keeps the precache under the budget, in priority order, and says what it left out', () => {
	expect(manifest.budgetBytes).toBe(Math.round(0.17 * 1024 * 1024));
	expect(manifest.bytes).toBeLessThanOrEqual(manifest.budgetBytes);
	expect(manifest.left.files).toBeGreaterThan(0);
	expect(site.output).toMatch(
		/offline: precache \d+ files, .*over the budget 0\.2 MB: \d+ files \([\d.]+ MB\) saved when/,
	);
	const groups = Object.fromEntries(manifest.priority.map((g) => [g.label, g.complete]));
	expect(groups['site essentials']).toBe(true);
	expect(groups['documents tagged critical']).toBe(true);
	// The worker's list is the manifest's: the critical runbook and the pages every visit needs are in it.
	for (const p of ['index.html', 'offline/index.html', 'search/index.html', 'runbooks/restart/index.html'])
		expect(precached, p).toContain(p);
	expect(precached.size).toBe(manifest.files);
});

test('offline: precached and visited pages open, others get the offline page, which lists what is saved', async ({
	page,
	context,
}) => {
	test.setTimeout(180_000);
	const docs = ['runbooks/deploy/', 'runbooks/triage/', 'procedures/escalate/'];
	const notPrecached = docs.filter((d) => !precached.has(`${d}index.html`));
	expect(notPrecached.length, 'the budget leaves at least two documents out').toBeGreaterThanOrEqual(2);
	const [visited, unvisited] = notPrecached as [string, string];
	const server = await startStaticServer(site.outDir);
	let titleOfVisited = '';
	try {
		await page.goto(server.url);
		await waitUntilAvailableOffline(page);
		await page.goto(`${server.url}${visited}`);
		titleOfVisited = (await page.locator('h1').textContent()) ?? '';
	} finally {
		await context.setOffline(true);
		await server.close();
	}
	const critical = await page.goto(`${server.url}runbooks/restart/`);
	expect(critical?.fromServiceWorker()).toBe(true);
	await expect(page.locator('h1')).toHaveText('Restart the fixture');
	await page.goto(`${server.url}${visited}`);
	await expect(page.locator('h1')).toHaveText(titleOfVisited);
	await page.goto(`${server.url}${unvisited}`);
	await expect(page.locator('h1')).toHaveText('You are offline');
	const saved = page.locator('[data-offline-saved]');
	await expect(saved).toBeVisible();
	await expect(saved.locator('[data-offline-saved-summary]')).toHaveText(
		/^\d+ documents and cards saved on this device; search needs the network\.$/,
	);
	await expect(saved.locator('[data-offline-saved-sections] li', { hasText: /^Runbooks: \d+$/ })).toBeVisible();
	await expect(saved.locator('[data-offline-visited]').getByRole('link', { name: titleOfVisited })).toBeVisible();
});
