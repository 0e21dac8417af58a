/**
 * Every page on paper (src/shell/styles/print.css, src/shell/PrintFooter.astro), against the real built site in
 * emulated print media: the content only, in light colours, with <details> open, link targets written out, whole
 * steps, tables, code blocks and diagrams, empty checkboxes, and a footer naming the page, the content version and the
 * print date. Card pages print the card alone.
 */
import { siteContentDir } from '../support/site.ts';
import { expect, test, type Page } from '@playwright/test';
import { loadFacts } from '../../src/facts/facts.ts';

const facts = loadFacts(siteContentDir).facts;
const RUNBOOK = 'runbooks/rollback/';

async function printed(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.emulateMedia({ media: 'print' });
}

test('a printed runbook shows no navigation, search, toggles, pickers or buttons', async ({ page }) => {
	await page.goto(RUNBOOK);
	await expect(page.locator('nav.site-nav')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	for (const selector of [
		'.site-header',
		'nav.site-nav',
		'nav.toc',
		'nav.prev-next',
		'form[role="search"]',
		'[data-theme-toggle]',
		'[data-env-picker]',
		'[data-session-control]',
		'.site-footer',
	]) {
		await expect(page.locator(selector).first(), selector).toBeHidden();
	}
	expect(
		await page
			.locator('button')
			.evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).checkVisibility()).length),
	).toBe(0);
	await expect(page.getByRole('heading', { level: 1, name: 'Rollback runbook' })).toBeVisible();
	await expect(page.locator('.doc-body')).toBeVisible();
});

test('a printed runbook expands <details>', async ({ page }) => {
	await page.goto(RUNBOOK);
	const closed = page.locator('.doc-body details:not([open])').first();
	await expect(closed).toBeAttached();
	const content = closed.locator(':scope > :not(summary)').first();
	await expect(content).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(content).toBeVisible();
	expect((await content.boundingBox())!.height).toBeGreaterThan(0);
	await expect(closed).not.toHaveAttribute('open', /.*/);
});

test('print uses light colours whatever the theme', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(RUNBOOK);
	await page.evaluate(() => localStorage.setItem('opsbook-theme', 'dark'));
	await page.reload();
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)');
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
	expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
	// Variables built with light-dark() take their light value: the code background is the light one.
	expect(
		await page
			.locator('.code-block pre')
			.first()
			.evaluate((pre) => getComputedStyle(pre).backgroundColor),
	).toBe('rgb(241, 243, 246)');
});

test('external links show their address, and steps, tables, code and diagrams are never split', async ({ page }) => {
	await printed(page, RUNBOOK);
	const external = page.locator('.doc-body a[href^="http"]').first();
	const href = await external.getAttribute('href');
	expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${href})"`);
	const internal = page.locator('.doc-body a[href^="/"]').first();
	expect(await internal.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
	for (const selector of [
		'.doc-body li',
		'.doc-body table',
		'.doc-body .code-block',
		'.doc-body pre',
		'.doc-body figure',
	]) {
		await expect(page.locator(selector).first(), selector).toHaveCSS('break-inside', 'avoid');
	}
	// A diagram fits on one page: never taller than the printable height.
	const svg = page.locator('.doc-body figure.diagram svg:visible').first();
	expect((await svg.boundingBox())!.height).toBeLessThanOrEqual((200 / 25.4) * 96 + 1);
});

test('checklists print as empty boxes, even when ticked on screen', async ({ page }) => {
	await page.goto('procedures/deployment-checklist/');
	const box = page.locator('.task-list-item input[type="checkbox"]').first();
	await expect(box).toBeEnabled();
	await box.check();
	await page.emulateMedia({ media: 'print' });
	await expect(box).toBeVisible();
	await expect(box).toHaveCSS('appearance', 'none');
	await expect(box).toHaveCSS('background-color', 'rgb(255, 255, 255)');
	await expect(box).toHaveCSS('border-top-style', 'solid');
	await page.evaluate(() => localStorage.clear());
});

test('every printed page has a footer with its address, the content version and the print date', async ({ page }) => {
	await page.goto(RUNBOOK);
	const footer = page.locator('[data-print-footer]');
	await expect(footer).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(footer).toBeVisible();
	await expect(footer).toHaveCSS('position', 'fixed');
	await expect(footer.locator('[data-print-address]')).toHaveText(`${facts.site.url.replace(/\/$/, '')}/${RUNBOOK}`);
	await expect(footer).toContainText(/Content ([0-9a-f]{4,40}|uncommitted) · built \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
	const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
	await expect(footer.locator('[data-print-date]')).toHaveText(`· printed ${today}`);
});

test('a printed card page shows the card alone, at its page size', async ({ page }) => {
	await printed(page, 'cards/rollback/');
	await expect(page.locator('.card')).toBeVisible();
	for (const selector of [
		'.site-header',
		'nav.site-nav',
		'.cards-intro',
		'.card-controls',
		'[data-print-footer]',
		'.breadcrumb',
	]) {
		await expect(page.locator(selector).first(), selector).toBeHidden();
	}
	const box = (await page.locator('.card').boundingBox())!;
	expect(box.x).toBeCloseTo(0, 0);
	expect(box.y).toBeCloseTo(0, 0);
});
