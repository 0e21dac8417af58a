/** Accessibility: axe-core finds no serious or critical violations, in both themes. */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';

const PAGES = ['./', 'runbooks/deployment/', 'procedures/escalation/', 'runbooks/'];

for (const scheme of ['light', 'dark'] as const) {
	for (const path of PAGES) {
		test(`${path} has no serious accessibility violations (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
}

test('landmarks and skip link are present', async ({ page }) => {
	await page.goto('runbooks/deployment/');
	await expect(page.getByRole('banner')).toHaveCount(1);
	await expect(page.getByRole('main')).toHaveCount(1);
	await expect(page.getByRole('contentinfo')).toHaveCount(1);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await skip.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});
