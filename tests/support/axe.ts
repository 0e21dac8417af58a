/** axe-core's serious and critical findings on the page, one line each ("id: first three targets"), for `toEqual([])`. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(
	page: Page,
	{ include, prefix = '' }: { include?: string; prefix?: string } = {},
): Promise<string[]> {
	const builder = new AxeBuilder({ page });
	const results = await (include ? builder.include(include) : builder).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${prefix}${v.id}: ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`,
		);
}
