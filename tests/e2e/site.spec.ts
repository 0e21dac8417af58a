/** The site foundation, against the real shipped content: home, navigation, documents, theme, copy. */
import { siteContentDir } from '../support/site.ts';
import { expect, test } from '@playwright/test';

import { listDocumentFiles, readSourceFile } from '../../src/core/content-files.ts';
import { loadFacts } from '../../src/facts/facts.ts';

const docIds = listDocumentFiles(siteContentDir).map((f) => readSourceFile(siteContentDir, f).id);

test('home shows the four incident entry points and a search box', async ({ page }) => {
	await page.goto('./');
	for (const name of ['Incident in progress', 'Deploying', 'Roll back now', 'Escalate']) {
		const link = page.getByRole('heading', { level: 2, name }).getByRole('link');
		await expect(link).toBeVisible();
		const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
		expect(response.status(), `${name} leads to a page`).toBe(200);
	}
	await expect(page.getByRole('search').first().getByRole('searchbox')).toBeVisible();
});

test('every document is reachable from the navigation', async ({ page }) => {
	const seen = new Set<string>();
	const queue = ['./'];
	const visited = new Set<string>();
	while (queue.length) {
		const url = queue.shift()!;
		if (visited.has(url)) continue;
		visited.add(url);
		await page.goto(url);
		// Only navigation links count: the sidebar, section indexes and their pagination, previous/next.
		const hrefs = await page
			.locator('nav.site-nav a, ul.doc-list a, nav.pagination a, nav.prev-next a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
		for (const href of hrefs) {
			const id = href.replace(/^\/|\/$/g, '');
			if (docIds.includes(id)) seen.add(id);
			if (!visited.has(href) && !href.includes('#')) queue.push(href);
		}
	}
	expect([...seen].sort()).toEqual([...docIds].sort());
});

test('a document page shows metadata, contents, heading anchors and its source path', async ({ page }) => {
	await page.goto('runbooks/deployment/');
	// One line of metadata; the rest behind its Details toggle (tests/e2e/reader.spec.ts checks the layout).
	await expect(page.locator('.meta > summary')).toContainText('tested');
	await page.locator('.meta > summary').click();
	const meta = page.locator('.meta-bar');
	for (const label of ['Owner', 'Status', 'Last reviewed', 'Last tested', 'Takes'])
		await expect(meta.getByText(label, { exact: true })).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'On this page' });
	await expect(toc.getByRole('link', { name: 'Rollback' }).first()).toBeVisible();
	const anchor = page.locator('h2 .heading-anchor').first();
	expect(await anchor.getAttribute('href')).toMatch(/^#[a-z0-9-]+$/);
	await expect(page.getByText('content/runbooks/deployment.mdx')).toBeVisible();
});

test('the sidebar marks the current page and offers previous/next within the section', async ({ page }) => {
	await page.goto('runbooks/deployment/');
	// Painted, not merely in the DOM (the sidebar is always shown at this 1280 px viewport).
	const current = page.locator('nav.site-nav a[aria-current="page"]');
	await expect(current).toHaveText(/Deployment/);
	await expect(current).toBeVisible();
	await expect(current).toBeInViewport();
	await expect(page.getByRole('navigation', { name: 'Previous and next in this section' })).toBeVisible();
});

test('the theme toggle persists across reloads and applies before first paint', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('./');
	const toggle = page.locator('[data-theme-toggle]');
	await expect(toggle).toHaveAttribute('data-choice', 'system');
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(toggle).toHaveAttribute('data-choice', 'dark');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(15, 17, 21)');
	// The stored choice is applied by the inline head script, before the body is parsed.
	const atParse = await page.evaluate(async () => {
		const html = await (await fetch(location.href)).text();
		return html.indexOf('opsbook-theme') < html.indexOf('<body');
	});
	expect(atParse).toBe(true);
});

test('dark mode follows the system when no choice is stored', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('./');
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)');
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('the copy button copies the command with facts filled in', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('runbooks/deployment/');
	const block = page.locator('.code-block').filter({ hasText: 'kubectl' }).first();
	const command = (await block.locator('pre').textContent())!;
	expect(command).not.toContain('{env.');
	expect(command).not.toContain('{facts.');
	await block.getByRole('button', { name: 'Copy' }).click();
	await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
});

test('the escalation page shows the severity matrix and the contacts table, from facts.yaml', async ({ page }) => {
	// Its MDX uses only <SeverityMatrix /> and <Contacts />, so the docs loader renders it as Markdown with their HTML.
	const { facts } = loadFacts(siteContentDir);
	await page.goto('procedures/escalation/');
	const matrix = page.getByRole('region', { name: 'Severity levels' });
	await expect(matrix.getByRole('table')).toBeVisible();
	await expect(matrix.locator('tbody tr')).toHaveCount(facts.severities.length);
	const contacts = page.getByRole('region', { name: 'Contacts by role' });
	await expect(contacts.getByRole('table')).toBeVisible();
	await expect(contacts.locator('tbody tr')).toHaveCount(Object.keys(facts.roles).length);
	const [key, role] = Object.entries(facts.roles)[0]!;
	const row = contacts.locator(`#role-${key}`);
	await expect(row.getByRole('rowheader')).toContainText(role.title);
	await expect(row).toContainText(facts.people[role.primary]!.name);
	// The heading other pages link to (#contacts) is still there, above the table.
	await expect(page.locator('h2#contacts')).toBeVisible();
});

test('pages stay usable at 375 px: no horizontal page scroll', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	for (const path of ['./', 'runbooks/deployment/', 'procedures/escalation/']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
	}
});
