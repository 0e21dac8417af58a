/**
 * Training materials against the real built site: the architecture diagram is there, and every annotated alert chart
 * is an accessible SVG with the threshold from facts.yaml, the three regimes, readable in both themes and in print,
 * with its data table.
 */
import { siteContentDir } from '../support/site.ts';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';

import { loadFacts, resolveFact } from '../../src/facts/facts.ts';
import { buildSite, fixturesDir, makeFixture } from '../support/fixture-site.ts';

const facts = loadFacts(siteContentDir).facts;
const threshold = (key: string) => Number(resolveFact(facts, `facts.${key}`).value);

/** The key alerts the training must chart, with the fact each chart's threshold line must show. */
const KEY_ALERTS: Record<string, string> = {
	UploadsApiHighErrorRate: 'thresholds.errorRatePercent',
	UploadsApiHighLatency: 'thresholds.latencyP99Seconds',
	UploadsScanBacklog: 'thresholds.scanQueueDepth',
	UploadsApiHighMemory: 'thresholds.memoryPercent',
	UploadsDbConnectionsHigh: 'thresholds.dbConnectionsPercent',
};

test('the training materials show the architecture diagram, with its name and text version', async ({ page }) => {
	await page.goto('training/training-materials/');
	const figure = page
		.locator('figure.diagram')
		.filter({ has: page.locator('figcaption', { hasText: 'Uploads API architecture' }) });
	await expect(figure).toHaveCount(1);
	await expect(figure.getByRole('region', { name: 'Uploads API architecture' })).toBeVisible();
	const svg = figure.locator('svg:visible');
	await expect(svg).toHaveCount(1);
	const box = (await svg.boundingBox())!;
	expect(box.width, 'the diagram is drawn, not an empty box').toBeGreaterThan(300);
	// Facts resolved inside the diagram; every component is named in the text version.
	await figure.locator('details.diagram-text summary').click();
	for (const name of [
		'Load balancer',
		'API pods',
		'PostgreSQL',
		'Files bucket',
		'Quarantine bucket',
		'Malware scanner',
		'Prometheus',
		'Alertmanager',
		'Grafana',
		'Loki',
	]) {
		await expect(figure.locator('details.diagram-text')).toContainText(name);
	}
	await expect(figure).not.toContainText('{facts.');
});

test('each key alert has an annotated chart: an SVG with an accessible name, the threshold line from facts and all three regimes', async ({
	page,
}) => {
	await page.goto('training/alert-interpretation/');
	await expect(page.locator('figure.alert-chart')).toHaveCount(Object.keys(KEY_ALERTS).length);
	for (const [alert, key] of Object.entries(KEY_ALERTS)) {
		const value = threshold(key);
		const figure = page.locator(`figure.alert-chart[data-alert="${alert}"]`);
		const svg = figure.getByRole('img', { name: new RegExp(`^${alert} example: .* threshold of ${value}`) });
		await expect(svg, alert).toBeVisible();
		expect(await svg.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
		await expect(svg.locator('desc')).toContainText(`threshold at ${value}`);

		// The threshold line runs across the plot, horizontally, labelled with the value from facts.
		const line = svg.locator('.ac-threshold line');
		await expect(line).toHaveCount(1);
		const [x1, x2, y1, y2] = await line.evaluate((l) => ['x1', 'x2', 'y1', 'y2'].map((a) => Number(l.getAttribute(a))));
		expect(y1, `${alert} threshold line is horizontal`).toBe(y2);
		expect(x2! - x1!, `${alert} threshold line spans the plot`).toBeGreaterThan(300);
		await expect(svg.locator('.ac-threshold text')).toContainText(`Threshold ${value}`);
		const lineBox = (await line.boundingBox())!;
		expect(lineBox.width).toBeGreaterThan(200);

		// Normal, warning and firing bands, told apart by pattern and label, not colour alone.
		for (const regime of ['normal', 'warning', 'firing'])
			await expect(svg.locator(`.ac-band[data-regime="${regime}"]`).first(), `${alert} ${regime}`).toBeAttached();
		for (const regime of ['warning', 'firing']) {
			const fill = await svg.locator(`.ac-band[data-regime="${regime}"] rect`).first().getAttribute('fill');
			expect(fill).toMatch(/^url\(#chart-[a-z0-9-]+-(warning|firing)\)$/);
		}
		await expect(svg.locator('.ac-band-label', { hasText: 'Firing' }).first()).toBeVisible();

		// The data table lists every sample with its regime.
		const points = await svg.locator('.ac-point').count();
		const details = figure.locator('details.alert-chart-data');
		await details.locator('summary').click();
		await expect(details.locator('tbody tr')).toHaveCount(points);
		await expect(details.locator('tbody')).toContainText('Firing');
		// Callouts under the chart explain the crossing and the firing.
		await expect(figure.locator('.alert-chart-notes li').first()).toContainText('past the threshold');
	}
});

test('alert charts follow the theme and print in black', async ({ page }) => {
	const stroke = () =>
		page
			.locator('figure.alert-chart .ac-series path')
			.first()
			.evaluate((p) => getComputedStyle(p).stroke);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('training/alert-interpretation/');
	const light = await stroke();
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await stroke();
	expect(dark).not.toBe(light);
	await page.emulateMedia({ colorScheme: 'light', media: 'print' });
	expect(await stroke()).toBe('rgb(0, 0, 0)');
});

test('on a phone the chart scrolls inside its frame instead of widening the page', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('training/alert-interpretation/');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
	expect(overflow).toBeLessThanOrEqual(0);
	const frame = page.locator('figure.alert-chart .alert-chart-scroll').first();
	expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await expect(frame).toHaveAttribute('tabindex', '0');
});

for (const scheme of ['light', 'dark'] as const) {
	for (const path of ['training/training-materials/', 'training/alert-interpretation/', 'training/exercises/']) {
		test(`${path} has no serious accessibility violations, folded parts open (${scheme})`, async ({ page }) => {
			test.setTimeout(300_000);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			// Open every folded answer and data table so axe checks them too.
			await page.evaluate(() =>
				document.querySelectorAll('details').forEach((d) => {
					d.setAttribute('open', '');
				}),
			);
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
}

/** A fixture training page charting one alert; the facts file gains that alert and its threshold. */
function chartFixture(threshold: number, ruleValue: number): string {
	const facts = fs.readFileSync(path.join(fixturesDir, 'minimal', 'content', 'facts.yaml'), 'utf8');
	return makeFixture('minimal', {
		'facts.yaml': `${facts.trimEnd()}
  FixtureErrors:
    severity: critical
    summary: Too many failing requests.
    expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > ${ruleValue}
    for: 5m
thresholds:
  errorPercent: ${threshold}
`,
		'training/charts.mdx': `---
title: Chart fixture
description: One annotated alert chart.
kind: training
owner: { team: SRE, role: on-call-engineer }
service: fixture-api
status: active
lastReviewed: 2026-11-01
reviewEvery: 180
lastTested: { date: 2026-11-01, method: tabletop }
duration: 5
---

## Alerts

### FixtureErrors

<AlertChart alert="FixtureErrors" threshold="thresholds.errorPercent" metric="Failing requests" unit="%" values="0.2 0.3 0.2 3 4 5 6 7 8 9 9 9" />
`,
	});
}

test('a sample that no longer shows all three regimes against a changed threshold fails the build, naming the document', () => {
	test.setTimeout(300_000);
	const build = buildSite(chartFixture(10, 0.1));
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/training\/charts\.mdx <AlertChart alert="FixtureErrors">: the sample series never reaches "warning"/,
	);
});

test('a threshold that disagrees with the deployed rule fails the build, naming both numbers', () => {
	test.setTimeout(300_000);
	const build = buildSite(chartFixture(2, 0.05));
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/training\/charts\.mdx <AlertChart alert="FixtureErrors">: threshold thresholds\.errorPercent is 2, but the rule compares with > 0\.05/,
	);
});
