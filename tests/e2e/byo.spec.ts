/**
 * Bring your own runbooks (issue #17): four trees in the shapes real repositories have, each built with zero edits
 * (tests/fixtures/byo-*: Hugo alert runbooks with a PrometheusRule file, MkDocs, GitLab-style, plain Markdown with
 * Docusaurus category files) and checked on the built site: the navigation shows the tree, relative links and images
 * (raw HTML ones too) work, /alerts/<Name>/ lands on the runbook, search finds a sentence, pages work offline after
 * one visit, and the coverage report counts what is missing. One test runs `opsbook dev` for the images it serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSite, copyFixture, makeFixture, type FixtureBuild } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { startDev } from '../../src/cli/dev-process.ts';

test.describe.configure({ mode: 'serial' });

const builds: Record<string, FixtureBuild> = {};
// Card PDFs need a browser and are not what these trees are about.
const ENV = { OPSBOOK_CARD_PDFS: 'off' };

test.beforeAll(() => {
	test.setTimeout(600_000);
	for (const name of ['byo-hugo', 'byo-mkdocs', 'byo-gitlab', 'byo-plain'])
		builds[name] = buildSite(makeFixture(name), undefined, ENV);
});

async function serve(name: string, page: Page, run: (url: string) => Promise<void>): Promise<void> {
	const build = builds[name]!;
	expect(build.status, build.output).toBe(0);
	const server = await startStaticServer(build.outDir);
	try {
		await run(server.url);
	} finally {
		await server.close();
	}
	void page;
}

test('Hugo alert runbooks: every .md read, the tree in the navigation, drafts left out and reported', async ({
	page,
}) => {
	const build = builds['byo-hugo']!;
	expect(build.output).toMatch(/left out as drafts \(draft: true\): runbooks\/kubernetes\/KubeletDown\.md/);
	expect(build.output).toMatch(
		/etcdMembersDown\.md:23 link: "\.\.\/etcd\/disaster-recovery\.md": no such page or file/,
	);
	expect(build.output).not.toMatch(/sections: a runbook needs/);
	await serve('byo-hugo', page, async (url) => {
		await page.goto(`${url}runbooks/kubernetes/kubepodcrashlooping/`);
		await expect(page.locator('h1').first()).toHaveText('Kube Pod Crash Looping');
		// The sidebar (folded on a document page): the section's folders as nested entries, the page marked.
		const nav = page.locator('.site-nav .section-docs');
		await expect(nav.locator('li.nav-depth-1 a', { hasText: 'Kube Pod Crash Looping' })).toHaveAttribute(
			'aria-current',
			'page',
		);
		expect((await nav.locator(':scope > li').allTextContents()).map((t) => t.trim())).toEqual([
			'Kubernetes',
			'Kube Deployment Replicas Mismatch',
			'Kube Pod Crash Looping',
			'Kube Pod Not Ready',
			'Alertmanager',
			'Alertmanager Failed Reload',
			'etcd',
			'etcd Members Down',
			'etcd No Leader',
		]);
		// A link written relative to the page's URL (Hugo's convention) reaches its sibling.
		await page.locator('.doc-body').getByRole('link', { name: 'KubePodNotReady' }).click();
		await expect(page).toHaveURL(/\/runbooks\/kubernetes\/kubepodnotready\/$/);
		await expect(page.locator('h1').first()).toHaveText('Kube Pod Not Ready');
		// Hugo's container shortcode is gone, its text stays.
		await page.goto(`${url}runbooks/kubernetes/kubepodcrashlooping/`);
		await expect(page.locator('.doc-body')).toContainText('Restart loops back off');
		await expect(page.locator('.doc-body')).not.toContainText('{{<');
		// The draft is not on the site.
		expect((await page.request.get(`${url}runbooks/kubernetes/kubeletdown/`)).status()).toBe(404);
	});
});

test('Hugo: /alerts/<AlertName>/ and the original file name land on the runbook', async ({ page }) => {
	await serve('byo-hugo', page, async (url) => {
		await page.goto(`${url}alerts/KubePodCrashLooping/`);
		await expect(page).toHaveURL(/\/runbooks\/kubernetes\/kubepodcrashlooping\/$/);
		await expect(page.locator('h1').first()).toHaveText('Kube Pod Crash Looping');
		// etcdNoLeader: linked through its runbook_url annotation (lower-case URL, CamelCase alert).
		await page.goto(`${url}alerts/etcdNoLeader/`);
		await expect(page).toHaveURL(/\/runbooks\/etcd\/etcdnoleader\/$/);
		// The name as written redirects to the lower-case URL.
		await page.goto(`${url}runbooks/kubernetes/KubePodCrashLooping/`);
		await expect(page).toHaveURL(/\/runbooks\/kubernetes\/kubepodcrashlooping\/$/);
		// A link to a heading in another file: ../etcd/etcdNoLeader.md#impact.
		await page.goto(`${url}runbooks/etcd/etcdmembersdown/`);
		await page.locator('.doc-body').getByRole('link', { name: 'etcdNoLeader' }).click();
		await expect(page).toHaveURL(/\/runbooks\/etcd\/etcdnoleader\/#impact$/);
		// The dead link keeps its text, without a link.
		await page.goto(`${url}runbooks/etcd/etcdmembersdown/`);
		await expect(page.locator('.doc-body .broken-link')).toHaveText('disaster recovery page');
	});
});

test('Hugo: search finds a sentence from a runbook', async ({ page }) => {
	test.setTimeout(60_000);
	await serve('byo-hugo', page, async (url) => {
		await page.goto(`${url}search/?q=${encodeURIComponent('unresponsive')}`);
		await expect(page.locator('.search-hit').first()).toContainText('unresponsive', { timeout: 20_000 });
		await expect(page.locator('.search-group-title').first()).toContainText('Kube Pod Crash Looping');
	});
});

test('Hugo: the coverage report counts what is missing, at the end of the build and on /coverage/', async ({
	page,
}) => {
	const build = builds['byo-hugo']!;
	expect(build.output).toMatch(/opsbook:coverage\] 10 documents, 0 complete for the strict profile/);
	expect(build.output).toMatch(/owner: 0 of 10; .*lastReviewed: 0 of 10/);
	expect(build.output).toMatch(
		/alerts: 6 defined, 5 with a runbook; alerts without a runbook: 1 \(KubeCPUOvercommit\)/,
	);
	expect(build.output).toMatch(/links: 1 of \d+ broken/);
	await serve('byo-hugo', page, async (url) => {
		await page.goto(`${url}coverage/`);
		await expect(page.locator('[data-coverage-summary]')).toContainText('10 documents');
		await expect(page.locator('tr[data-field="owner"]')).toContainText('0 of 10');
		await expect(page.locator('[data-coverage-alerts]')).toContainText(
			'Alerts without a runbook: 1 (KubeCPUOvercommit)',
		);
		await expect(page.locator('[data-coverage-drafts]')).toContainText('runbooks/kubernetes/KubeletDown.md');
	});
});

test('MkDocs: admonitions as callouts, images beside the page, mkdocs.yml nav order, links to headings', async ({
	page,
}) => {
	await serve('byo-mkdocs', page, async (url) => {
		await page.goto(`${url}runbooks/database-failover/`);
		await expect(page.locator('h1').first()).toHaveText('Database failover');
		await expect(page.locator('aside.callout-warning')).toContainText('Data loss');
		await expect(page.locator('aside.callout-warning')).toContainText('discards transactions');
		await expect(page.locator('details.callout-note summary')).toHaveText('Why not automatic failover?');
		const image = page.locator('.doc-body img[alt="Primary and replica"]');
		await expect(image).toHaveAttribute('src', '/runbooks/img/topology.png');
		expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		// mkdocs.yml lists Disk full before Database failover.
		const titles = await page.locator('.site-nav .section-docs li').allTextContents();
		await expect(page.locator('.site-nav .section-docs li').first()).toBeAttached();
		expect(titles.map((t) => t.trim())).toEqual(['Disk full', 'Database failover']);
		await page.locator('.doc-body').getByRole('link', { name: 'disk full' }).click();
		await expect(page).toHaveURL(/\/runbooks\/disk-full\/#free-space$/);
		await expect(page.locator('#free-space')).toBeVisible();
	});
});

test('GitLab-style: README is the folder page, [[_TOC_]] is the contents box, PNG and Mermaid render, folder defaults apply', async ({
	page,
}) => {
	const build = builds['byo-gitlab']!;
	expect(build.output).toMatch(/1 file in content\/ the build does not read: shared\/contacts\.xlsx/);
	expect(build.output).toMatch(/reindex\.md:11 link: "\.\.\/\.\.\/wiki\/search-reindex-old\.md"/);
	await serve('byo-gitlab', page, async (url) => {
		await page.goto(`${url}payments/`);
		await expect(page.locator('h1').first()).toHaveText('Payments API');
		await expect(page.locator('main')).not.toContainText('[[_TOC_]]');
		await expect(page.locator('figure.diagram svg').first()).toBeVisible();
		await page.locator('.doc-body').getByRole('link', { name: 'Refunds fail' }).click();
		await expect(page).toHaveURL(/\/payments\/refund-failures\/$/);
		await expect(page.locator('.meta-bar')).toContainText('Payments team');
		await expect(page.locator('aside.callout-warning')).toContainText('pay the customer twice');
		await expect(page.locator('.doc-body details summary')).toHaveText('Provider error codes');
		// A folder named like a page of the site is published beside it; the image with a space in its name works.
		await page.goto(`${url}search-docs/`);
		await expect(page.locator('nav.toc')).toContainText('Reindex');
		const image = page.locator('.doc-body img[alt="Index pipeline"]');
		expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		await page.locator('.doc-body').getByRole('link', { name: 'reindexing' }).click();
		await expect(page).toHaveURL(/\/search-docs\/reindex\/#drain-the-queue$/);
		await page.goto(`${url}readme/`);
		await page.locator('.doc-body').getByRole('link', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/search-docs\/$/);
	});
});

test('plain Markdown: no front matter, the heading is the title, file names as they are', async ({ page }) => {
	const build = builds['byo-plain']!;
	expect(build.output).toMatch(/1 file in runbooks\/ the build does not read: notes\.rst/);
	await serve('byo-plain', page, async (url) => {
		await page.goto(`${url}out-of-memory/`);
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('h1')).toHaveText('Out of memory');
		await page.goto(`${url}rotate-certificates/`);
		await page.locator('.doc-body').getByRole('link', { name: 'restart the worker' }).click();
		await expect(page.locator('h1')).toHaveText('Restart the background worker');
		expect(await page.locator('.site-nav').textContent()).toContain('Rotate TLS certificates');
		// Prose as written, no typographic dashes or quotes: a flag copied from a sentence still works in a terminal.
		await expect(page.locator('.doc-body')).toContainText("the worker's log is silent");
		await expect(page.locator('.doc-body')).toContainText('add --force to the same command');
	});
});

test('Docusaurus-style folders: _category_ files name and place the sections; raw-HTML image and link work', async ({
	page,
}) => {
	const build = builds['byo-plain']!;
	// Read, not listed as unread, and no problem with them.
	expect(build.output).not.toMatch(/_category_/);
	// Published, so precached with the pages.
	expect(fs.readFileSync(path.join(build.outDir, 'sw.js'), 'utf8')).toContain('images/grafana.png');
	await serve('byo-plain', page, async (url) => {
		await page.goto(`${url}databases/postgres-failover/`);
		// <img src="../images/grafana.png" width="600"> written as HTML inside the Markdown.
		const image = page.locator('.doc-body img[alt="Replication lag dashboard"]');
		await expect(image).toHaveAttribute('src', '/images/grafana.png');
		await expect(image).toBeVisible();
		expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		// <a href="./failover-checklist.txt">: the attachment beside the page (the build's link check passed it too).
		const checklist = page.locator('.doc-body a', { hasText: 'failover checklist' });
		await expect(checklist).toHaveAttribute('href', '/databases/failover-checklist.txt');
		const response = await page.request.get(`${url}databases/failover-checklist.txt`);
		expect(response.status()).toBe(200);
		expect(await response.text()).toContain('Promote the replica');
		// network/_category_.yml says position 1, databases/_category_.json position 2 (alphabetically the reverse);
		// the pages at the top of the content folder come after the sections.
		const sections = await page
			.locator('.site-nav .kinds > li > :first-child')
			.evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()));
		expect(sections.slice(0, 3)).toEqual(['Networking and DNS', 'Database runbooks', 'Other pages']);
		await expect(page.locator('.site-nav .nav-here')).toHaveText('Database runbooks');
		await page.goto(url);
		await expect(page.locator('main')).toContainText('Networking and DNS');
	});
});

test('opsbook dev serves images beside the documents at their published URLs, and nothing outside them', async () => {
	test.setTimeout(120_000);
	const { project, contentDir } = copyFixture('byo-plain');
	const dev = await startDev(project, { env: ENV, timeoutMs: 90_000 });
	const { url } = dev;
	try {
		const image = await fetch(`${url}images/grafana.png`);
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await image.arrayBuffer())).toEqual(
			fs.readFileSync(path.join(contentDir, 'images/grafana.png')),
		);
		const text = await fetch(`${url}databases/failover-checklist.txt`);
		expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
		// An encoded "../" would reach astro.config.ts if the path were joined to the content folder; a content file
		// that is no attachment (notes.rst) is not served under the URL it would have either.
		for (const outside of ['images/..%2F..%2Fastro.config.ts', 'images/..%2f..%2fnotes.rst', 'notes.rst'])
			expect((await fetch(`${url}${outside}`)).status, outside).toBe(404);
		// An image saved while the server runs is served on the next request.
		fs.copyFileSync(path.join(contentDir, 'images/grafana.png'), path.join(contentDir, 'images/saved-later.png'));
		await expect.poll(async () => (await fetch(`${url}images/saved-later.png`)).status, { timeout: 15_000 }).toBe(200);
	} finally {
		await dev.stop();
	}
});

test('pages of a brought tree work offline after one visit', async ({ page, context }) => {
	test.setTimeout(120_000);
	const build = builds['byo-hugo']!;
	expect(build.status, build.output).toBe(0);
	const server = await startStaticServer(build.outDir);
	try {
		await page.goto(server.url);
		await expect(page.locator('[data-offline-status]')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	} finally {
		await context.setOffline(true);
		await server.close();
	}
	const response = await page.goto(`${server.url}runbooks/etcd/etcdnoleader/`);
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.locator('h1').first()).toHaveText('etcd No Leader');
	await page.goto(`${server.url}alerts/KubePodNotReady/`);
	await expect(page).toHaveURL(/\/runbooks\/kubernetes\/kubepodnotready\/$/);
});
