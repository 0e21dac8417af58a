/**
 * The reader's view (issue #20), against the real built site at a phone, a tablet, a laptop and a wide screen, in
 * both themes: navigation that is painted where a reader can see and tap it (not merely present in the DOM), the
 * environment an alert link chooses, the "On this page" rail and its highlight, the phone's header and first screen,
 * related documents by title, step callouts, one search box on the home page, and no serious axe violations.
 */
import { siteContentDir } from '../support/site.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { environmentChoices } from '../../src/facts/environments.ts';
import { environmentValues } from '../../src/facts/environment-values.ts';
import { loadFacts } from '../../src/facts/facts.ts';

const { facts } = loadFacts(siteContentDir);
const values = environmentValues(facts);
const production = environmentChoices(facts).find((c) => c.production)!;
const fallback = environmentChoices(facts).find((c) => c.isDefault)!;
const RUNBOOK = 'runbooks/rollback/';
const WIDTHS = [375, 768, 1280, 1600] as const;
const HEIGHT: Record<number, number> = { 375: 800, 768: 1024, 1280: 900, 1600: 1000 };

/** Painted and reachable: inside the viewport, and the element under its centre is the link itself (nothing covers it). */
async function expectPainted(link: Locator): Promise<void> {
	await expect(link).toBeVisible();
	await expect(link).toBeInViewport();
	const hit = await link.evaluate((a) => {
		const r = a.getBoundingClientRect();
		const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return Boolean(at && (at === a || a.contains(at)));
	});
	expect(hit, `${await link.textContent()} is the element under its own centre`).toBe(true);
}

const axe = (page: Page) => seriousViolations(page);

for (const scheme of ['light', 'dark'] as const) {
	for (const width of WIDTHS) {
		test.describe(`${width} px, ${scheme}`, () => {
			test.use({ viewport: { width, height: HEIGHT[width]! }, colorScheme: scheme });

			test('the navigation is visible and usable', async ({ page }) => {
				await page.goto(RUNBOOK);
				const nav = page.getByRole('navigation', { name: 'Sections' });
				const summary = nav.locator('summary');
				if (width >= 1024) {
					// Always shown: no button to press, the links are painted in the sidebar.
					await expect(summary).toBeHidden();
				} else {
					await expect(summary).toBeVisible();
					await expect(summary).toContainText('Runbooks');
					await expect(nav.getByRole('link', { name: 'Scaling runbook' })).toBeHidden();
					await summary.click();
				}
				// The current section's documents, the current one marked, and the other sections.
				await expectPainted(nav.getByRole('link', { name: 'Rollback runbook' }));
				await expect(nav.locator('a[aria-current="page"]')).toHaveText('Rollback runbook');
				for (const name of ['Deployment runbook', 'Scaling runbook', 'Runbooks', 'Incident playbooks', 'Alerts']) {
					await expectPainted(nav.getByRole('link', { name, exact: false }).first());
				}
				await nav.getByRole('link', { name: 'Scaling runbook' }).click();
				await expect(page).toHaveURL(/\/runbooks\/scaling\/$/);
				await expect(page.locator('main h1')).toHaveText('Scaling runbook');
				if (width >= 1024) {
					// Still painted when the reader is deep in a long document: the sidebar is sticky.
					await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
					await expectPainted(
						page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Rollback runbook' }),
					);
				}
			});

			test('the header is one row, and the menu holds theme, environment and incident session', async ({ page }) => {
				await page.goto(RUNBOOK);
				const header = page.locator('header.site-header');
				const height = (await header.boundingBox())!.height;
				if (width < 768) expect(height, 'header height on a phone').toBeLessThanOrEqual(56);
				else expect(height).toBeLessThanOrEqual(64);
				const menu = page.locator('.header-menu > summary');
				if (width < 1024) {
					await expect(page.locator('[data-theme-toggle]')).toBeHidden();
					await menu.click();
				} else {
					await expect(menu).toBeHidden();
				}
				for (const control of ['[data-theme-toggle]', '#env-picker-select', '[data-session-control] summary']) {
					await expectPainted(page.locator(control));
				}
				if (width < 1024) {
					await page.keyboard.press('Escape');
					await expect(page.locator('[data-theme-toggle]')).toBeHidden();
					await expect(menu).toBeFocused();
				}
				// Search: inline from 768 px; a button on a phone, which opens the box with the cursor in it.
				const box = page.locator('#site-search');
				if (width < 768) {
					await expect(box).toBeHidden();
					await page.locator('.header-search > summary').click();
					await expect(box).toBeFocused();
				}
				await expectPainted(box);
			});

			test('an alert link with env=production shows production values and badges', async ({ page }) => {
				const alert =
					Object.keys(facts.alerts).find((a) => a === 'UploadsApiHighErrorRate') ?? Object.keys(facts.alerts)[0]!;
				await page.goto(`alerts/${alert}/?env=${production.key}`);
				await expect(page).toHaveURL(new RegExp(`/(runbooks|playbooks|procedures)/[^?]+/\\?env=${production.key}#`));
				const prod = values[production.key]!;
				// Commands: a code block's environment values, and its badge.
				const block = page.locator('main pre:has(span[data-env="kubeContext"])').first();
				await expect(block.locator('span[data-env="kubeContext"]').first()).toHaveText(String(prod.kubeContext));
				const badge = await block.evaluate((pre) => {
					const style = getComputedStyle(pre, '::before');
					return { content: style.content, background: style.backgroundColor };
				});
				expect(badge.content).toContain(production.name);
				expect(badge.background).toBe('rgb(180, 35, 24)');
				// Prose: an environment value outside code blocks.
				const prose = page.locator('main :not(pre) > span[data-env], main p span[data-env]').first();
				const key = (await prose.getAttribute('data-env'))!;
				await expect(prose).toHaveText(String(prod[key]));
				// The page says so: the band and, in the header, the picker.
				await expectPainted(page.locator('[data-env-band]'));
				await expect(page.locator('#env-picker-select')).toHaveValue(production.key);
				// Another page of the same visit keeps it; the reader's own stored choice is untouched.
				await page.goto('runbooks/deployment/');
				await expect(page.locator('main pre span[data-env="kubeContext"]').first()).toHaveText(
					String(prod.kubeContext),
				);
				expect(await page.evaluate(() => localStorage.getItem('opsbook-environment'))).toBeNull();
			});

			if (width === 375) {
				test('the first screen of a phone: title and first paragraph, metadata on one line', async ({ page }) => {
					await page.goto(RUNBOOK);
					const fold = HEIGHT[width]!;
					for (const part of [
						page.locator('main h1'),
						page.locator('main .lede'),
						page.locator('.doc-body > p').first(),
					]) {
						const box = (await part.boundingBox())!;
						expect(
							box.y + box.height,
							`${await part.evaluate((e) => e.className || e.tagName)} ends above the fold`,
						).toBeLessThanOrEqual(fold);
					}
					const summary = page.locator('.meta > summary');
					expect((await summary.boundingBox())!.height, 'metadata is one line').toBeLessThanOrEqual(48);
					await expect(page.locator('.meta-bar')).toBeHidden();
					await summary.click();
					await expect(page.locator('.meta-bar').getByText('Last tested', { exact: true })).toBeVisible();
					// Contents: collapsed above the content.
					await expect(page.locator('.toc a').first()).toBeHidden();
					await page.locator('.toc-summary').click();
					await expectPainted(page.locator('.toc a').first());
				});
			}

			if (width >= 1280) {
				test('"On this page" is a rail beside the content and marks the section in view, without moving', async ({
					page,
				}) => {
					await page.goto(RUNBOOK);
					const toc = page.getByRole('navigation', { name: 'On this page' });
					const first = toc.getByRole('link').first();
					await expectPainted(first);
					const rail = (await toc.boundingBox())!;
					const body = (await page.locator('.doc-body').boundingBox())!;
					expect(rail.x, 'the rail is to the right of the text').toBeGreaterThanOrEqual(body.x + body.width);
					const steps = toc.getByRole('link', { name: /^4\. / });
					const sizes = () =>
						toc
							.getByRole('link')
							.evaluateAll((as) =>
								as.map((a) => `${(a as HTMLElement).offsetWidth}x${(a as HTMLElement).offsetHeight}`),
							);
					const before = await sizes();
					await page.locator('[id="4-roll-back-the-deployment"]').evaluate((h) => h.scrollIntoView());
					await expect(steps).toHaveAttribute('aria-current', 'true');
					await expect(toc.locator('a[aria-current]')).toHaveCount(1);
					await expectPainted(steps);
					// The mark changes no link's size, so nothing in the rail moves.
					expect(await sizes()).toEqual(before);
					// Scrolling on: the mark follows.
					await page.locator('[id="verification"]').evaluate((h) => h.scrollIntoView());
					await expect(toc.getByRole('link', { name: 'Verification', exact: true })).toHaveAttribute(
						'aria-current',
						'true',
					);
				});
			}

			test('no serious accessibility violations, menus open or closed', async ({ page }) => {
				// axe on the longest runbook, up to three times: about 15 s each on a shared 2-core machine.
				test.slow();
				await page.goto(RUNBOOK);
				expect(await axe(page)).toEqual([]);
				if (width < 1024) {
					await page.locator('.header-menu > summary').click();
					expect(await axe(page)).toEqual([]);
					await page.keyboard.press('Escape');
					await page.locator('.nav-summary').click();
					await page.locator('.meta-summary').click();
					await page.locator('.toc-summary').click();
					expect(await axe(page)).toEqual([]);
				}
				await page.goto('./');
				expect(await axe(page)).toEqual([]);
			});
		});
	}
}

test('the layout does not shift while a production page loads', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.addInitScript(() => {
		(window as unknown as { shifts: number }).shifts = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
				if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(`${RUNBOOK}?env=${production.key}`);
	await expect(page.locator('[data-env-band]')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(300);
	const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
	expect(shifts, 'cumulative layout shift').toBeLessThan(0.01);
});

test('without a link choosing one, the default environment shows; a link choice lasts for the visit only', async ({
	page,
	context,
}) => {
	await page.goto(RUNBOOK);
	await expect(page.locator('#env-picker-select')).toHaveValue(fallback.key);
	await expect(page.locator('[data-env-band]')).toBeHidden();
	const content = await page
		.locator('main pre:has(span[data-env])')
		.first()
		.evaluate((pre) => getComputedStyle(pre, '::before').content);
	expect(content).toContain(fallback.name);
	await page.goto(`${RUNBOOK}?env=${production.key}`);
	await expect(page.locator('#env-picker-select')).toHaveValue(production.key);
	// A new tab is a new visit: the default again.
	const other = await context.newPage();
	await other.goto(RUNBOOK);
	await expect(other.locator('#env-picker-select')).toHaveValue(fallback.key);
	// Choosing in the picker makes it the reader's own and drops the link's choice from the address.
	await page.locator('#env-picker-select').selectOption(fallback.key);
	await expect(page).toHaveURL(new RegExp(`/${RUNBOOK}$`));
	await page.reload();
	await expect(page.locator('#env-picker-select')).toHaveValue(fallback.key);
	// An unknown environment in a link is ignored.
	await page.goto(`${RUNBOOK}?env=nowhere`);
	await expect(page.locator('#env-picker-select')).toHaveValue(fallback.key);
});

test('without JavaScript an alert link still lands on its runbook section', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
	const page = await context.newPage();
	await page.goto(`alerts/UploadsApiHighErrorRate/?env=${production.key}`);
	await expect(page).toHaveURL(/\/runbooks\/[^/]+\/#uploadsapihigherrorrate$/);
	// The navigation needs no script either: the phone's Sections button opens it.
	await page.setViewportSize({ width: 375, height: 800 });
	await page.locator('.nav-summary').click();
	await expectPainted(
		page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incident playbooks' }),
	);
	await context.close();
});

test('related documents are listed by title with their kind', async ({ page }) => {
	await page.goto(RUNBOOK);
	await page.locator('.meta > summary').click();
	const related = page.locator('.meta-related li');
	await expect(related.first()).toBeVisible();
	const texts = await related.allTextContents();
	for (const text of texts) expect(text, 'no raw ids').not.toMatch(/\b(runbooks|procedures|playbooks)\//);
	await expect(related.filter({ hasText: 'Deployment checklist' })).toContainText('Procedure');
	await expect(related.getByRole('link', { name: 'Deployment runbook' })).toHaveAttribute(
		'href',
		/\/runbooks\/deployment\/$/,
	);
});

test('destructive, approval, expected and if-not steps each have an icon and a label', async ({ page }) => {
	const seen = new Map<string, string>();
	for (const path of [RUNBOOK, 'runbooks/scaling/']) {
		await page.goto(path);
		const found = await page.evaluate(() => {
			const out: Record<string, { label: string; icon: string; border: string }> = {};
			for (const cls of ['callout-destructive', 'callout-approval', 'step-expected', 'step-if-not']) {
				const el = document.querySelector<HTMLElement>(`.doc-body .${cls}`);
				if (!el) continue;
				const before = getComputedStyle(el, '::before');
				out[cls] = {
					label: el.querySelector('strong')?.textContent ?? '',
					icon: before.maskImage,
					border: getComputedStyle(el).borderLeftStyle,
				};
			}
			return out;
		});
		for (const [cls, v] of Object.entries(found)) {
			expect(v.icon, `${cls} has an icon`).toMatch(/^url\(/);
			expect(v.label.trim(), `${cls} has a label`).not.toBe('');
			seen.set(cls, v.label);
		}
	}
	expect([...seen.keys()].sort()).toEqual(['callout-approval', 'callout-destructive', 'step-expected', 'step-if-not']);
	expect(seen.get('step-expected')).toMatch(/^Expected/);
	expect(seen.get('step-if-not')).toMatch(/^If not/);
	expect(seen.get('callout-destructive')).toMatch(/^(Destructive|Service-disrupting)/);
	// Numbered steps: a badge with the number, the heading text unchanged for search and links.
	await page.goto(RUNBOOK);
	const step = page.locator('section.step > h3').first();
	await expect(step.locator('.step-num')).toHaveText(/^1/);
	expect(await step.evaluate((h) => h.textContent)).toMatch(/^1\. Confirm the trigger/);
});

test('the home page has one search box', async ({ page }) => {
	for (const width of [375, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		await page.goto('./');
		await expect(page.getByRole('searchbox')).toHaveCount(1);
		await expectPainted(page.getByRole('searchbox'));
		await page.keyboard.press('/');
		// Focused, the box becomes the search combobox: found by its id from here.
		await expect(page.locator('#home-search')).toBeFocused();
	}
});
