/**
 * Records and the deployment approval checklist in a real browser: the shipped site (no records) says NO-GO with
 * its reasons; a fixture site with a complete set of records says GO, with evidence links that lead to the records,
 * the training log's attendance and the rehearsal log's timings; an incomplete set says NO-GO naming each gap, with
 * one risk accepted and two acceptances that do not count (and why); a bad record or policy stops the build naming the
 * file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { buildSite, fixturesDir, makeFixture, type FixtureBuild } from '../support/fixture-site.ts';
import { startStaticServer, type RunningServer } from '../support/static-server.ts';

const TODAY = { OPSBOOK_TODAY: '2026-11-26' };

test('the shipped site: the approval checklist is NO-GO and says what is missing', async ({ page }) => {
	await page.goto('approval/');
	await expect(page.getByRole('heading', { level: 1, name: 'Deployment approval checklist' })).toBeVisible();
	const verdict = page.locator('[data-verdict]');
	await expect(verdict).toHaveAttribute('data-verdict', 'NO-GO');
	await expect(verdict).toContainText(/\d+ of 10 criteria not met/);
	for (const id of ['training', 'rehearsal', 'signoffs'])
		await expect(page.locator(`tr[data-criterion="${id}"]`)).toHaveAttribute('data-pass', 'false');
	await expect(page.locator('tr[data-criterion="training"]')).toContainText('no knowledge-transfer session recorded');
	await expect(page.locator('tr[data-criterion="signoffs"]')).toContainText('Security lead: no sign-off recorded');
	const rows = page.locator('.signoff-table tbody tr');
	await expect(rows).toHaveCount(4);
	await expect(rows.filter({ hasText: 'Not signed' })).toHaveCount(4);
	// The risk-acceptance path is explained before anyone uses it: who may accept what, and the record to write.
	const risk = page.locator('.risk-section');
	await expect(risk.getByRole('heading', { level: 2, name: 'Risk acceptance' })).toBeVisible();
	await expect(risk.locator('tr[data-acceptors="monitoring"]')).toContainText('Engineering manager');
	await expect(risk.locator('tr[data-acceptors="security"]')).toContainText('Security lead');
	await expect(risk.locator('tr[data-acceptors="signoffs"]')).toContainText('nobody');
	await expect(risk).toContainText('None recorded.');
	await expect(risk.locator('pre.record-example')).toContainText(/criterion: [a-z-]+ +# the criterion's id/);
	await expect(page.locator('tr[data-criterion="tests"]')).toContainText(
		'Can be accepted as a risk by Engineering manager',
	);
	await expect(page.locator('#policy + p')).toContainText('content/policy.yaml');
	// Usable on a phone: wide tables scroll inside their box, never the page.
	await page.setViewportSize({ width: 375, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
	// Reached from the navigation and the home page.
	await page.goto('./');
	await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Deployment approval' }).click();
	await expect(page).toHaveURL(/\/approval\/$/);
	await page.goto('./');
	await page.getByRole('main').getByRole('link', { name: 'Training log' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Training log' })).toBeVisible();
	await expect(page.locator('.criterion-summary')).toHaveAttribute('data-pass', 'false');
});

test.describe('fixture sites', () => {
	test.describe.configure({ mode: 'serial', timeout: 240_000 });
	let complete: FixtureBuild;
	let server: RunningServer | undefined;
	test.afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	test('complete records: GO, evidence links lead to the records, logs show attendance and timings', async ({
		page,
	}) => {
		complete = buildSite(makeFixture('records-complete'), undefined, TODAY);
		expect(complete.status, complete.output).toBe(0);
		server = await startStaticServer(complete.outDir);
		await page.goto(`${server.url}approval/`);
		await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'GO');
		await expect(page.locator('[data-verdict]')).toContainText('evidence counts until 2026-12-04');
		await expect(page.locator('tr[data-criterion][data-pass="true"]')).toHaveCount(10);
		await expect(page.locator('.signoff-table tbody tr[data-status="approved"]')).toHaveCount(4);
		await expect(page.locator('.signoff-table tr[data-role="security-lead"]')).toContainText('Sam Roe');

		// Evidence: the rehearsal link opens the rehearsal log at that record, with each phase against its estimate.
		await page
			.locator('tr[data-criterion="rehearsal"]')
			.getByRole('link', { name: /Rehearsal 2026-11-20 staging v1\.4\.0/ })
			.click();
		await expect(page).toHaveURL(/\/records\/rehearsals\/#rehearsals-2026-11-20-staging-v1\.4\.0$/);
		const security = page.locator('tr[data-phase="security-gates"]');
		await expect(security.locator('td')).toHaveText(['15', '18', '+3', '09:00:00', '09:18:00']);
		await expect(page.locator('tr[data-phase="canary"] td').nth(2)).toHaveText('-4.5');

		await page.goto(`${server.url}records/training/`);
		await expect(page.locator('tr[data-role="incident-commander"]')).toHaveAttribute('data-covered', 'true');
		await expect(page.locator('tr[data-agenda][data-covered="true"]')).toHaveCount(7);
		const session = page.locator('[data-session="2026-11-18-knowledge-transfer"]');
		await expect(session.locator('tbody tr')).toHaveText([
			/Pat Doe\s*On-call engineer/,
			/Alex Example\s*Incident commander/,
		]);

		// No serious accessibility violations on the three pages, in either theme.
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			for (const p of ['approval/', 'records/training/', 'records/rehearsals/']) {
				await page.goto(`${server.url}${p}`);
				expect(await seriousViolations(page, { prefix: `${p} ${scheme} ` })).toEqual([]);
			}
		}

		// Printed, the page is the signature sheet: verdict in black on white, the sign-off table with its signature column.
		await page.goto(`${server.url}approval/`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.verdict')).toHaveCSS('color', 'rgb(0, 0, 0)');
		await expect(page.locator('.signoff-table th.signature')).toBeVisible();
	});

	test('incomplete records: NO-GO, each gap named', async ({ page }) => {
		const dir = makeFixture('records-complete');
		fs.rmSync(path.join(dir, 'records'), { recursive: true });
		fs.cpSync(path.join(fixturesDir, 'records-incomplete', 'content', 'records'), path.join(dir, 'records'), {
			recursive: true,
		});
		const build = buildSite(dir, undefined, TODAY);
		expect(build.status, build.output).toBe(0);
		server = await startStaticServer(build.outDir);
		await page.goto(`${server.url}approval/`);
		await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'NO-GO');
		await expect(page.locator('[data-verdict]')).toContainText(
			'5 of 10 criteria not met; 1 accepted as a risk (tests)',
		);
		await expect(page.locator('tr[data-criterion][data-pass="false"]')).toHaveCount(6);
		await expect(page.locator('tr[data-criterion][data-status="fail"]')).toHaveCount(5);
		// A valid acceptance by an allowed role: ACCEPTED (risk), who, why, until, and what is still missing.
		const tests = page.locator('tr[data-criterion="tests"]');
		await expect(tests).toHaveAttribute('data-status', 'accepted');
		await expect(tests.locator('td').nth(1)).toHaveText('ACCEPTED (risk)');
		await expect(tests.locator('.acceptance')).toContainText(
			'Risk accepted by Product owner (Sam Roe) on 2026-11-25, until 2026-11-30',
		);
		await expect(tests.locator('.acceptance')).toContainText('Conditions: Fix the flaky test before the next release');
		await expect(tests.locator('.missing')).toContainText('the latest CI run (v1.4.0, 2026-11-19) failed');
		// Acceptances that do not count leave the criterion failed, and say why.
		const monitoring = page.locator('tr[data-criterion="monitoring"]');
		await expect(monitoring).toHaveAttribute('data-status', 'fail');
		await expect(monitoring.locator('.acceptance-void')).toContainText(
			'DevOps lead may not accept this criterion; the policy allows Product owner',
		);
		await expect(page.locator('tr[data-criterion="rehearsal"] .acceptance-void')).toContainText(
			'does not count: expired on 2026-11-20',
		);
		const acceptances = page.locator('.risk-section tr[data-acceptance]');
		await expect(acceptances).toHaveCount(3);
		await expect(page.locator('.risk-section tr[data-acceptance="2026-11-25-tests"]')).toHaveAttribute(
			'data-counts',
			'true',
		);
		await expect(page.locator('.risk-section tr[data-acceptance="2026-11-25-monitoring"]')).toHaveAttribute(
			'data-status',
			'role-not-allowed',
		);
		await expect(page.locator('.risk-section tr[data-acceptance="2026-11-10-rehearsal"]')).toContainText(
			'Former Product Owner',
		);
		// The accepted and void-acceptance styles stay readable in both themes.
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			expect(await seriousViolations(page, { prefix: `approval/ ${scheme} ` })).toEqual([]);
		}
		await page.emulateMedia({ colorScheme: 'light' });
		await expect(page.locator('tr[data-criterion="training"] .missing li')).toHaveText([
			'subtask 4.2 items not covered by any session: Q&A session (qa)',
			'no attendance recorded for: Incident commander',
		]);
		await expect(page.locator('.signoff-table tr[data-role="product-owner"]')).toHaveAttribute(
			'data-status',
			'rejected',
		);
		await expect(page.locator('.signoff-table tr[data-role="product-owner"]')).toContainText(
			'Customer notice not sent yet',
		);
		await expect(page.locator('.signoff-table tr[data-role="devops-lead"]')).toHaveAttribute('data-status', 'missing');

		await page.goto(`${server.url}records/rehearsals/`);
		await expect(page.locator('tr[data-phase="canary"] td').nth(1)).toHaveText('not recorded');
		await expect(page.locator('tr[data-phase="security-gates"] td').nth(2)).toHaveText('+25');
	});

	test('a bad record fails the build naming the file, line and field', () => {
		const dir = makeFixture('records-complete', {
			'records/rehearsals/2026-11-25-staging-v1.5.0.yaml': fs
				.readFileSync(
					path.join(fixturesDir, 'records-complete/content/records/rehearsals/2026-11-20-staging-v1.4.0.yaml'),
					'utf8',
				)
				.replace('id: canary', 'id: canry'),
			'records/signoffs/2026-11-25-devops-lead.yaml':
				'role: devops-lead\nname: Someone\ndate: 2026-11-25\ndecision: maybe\n',
		});
		const build = buildSite(dir, undefined, TODAY);
		expect(build.status).not.toBe(0);
		expect(build.output).toMatch(
			/records\/rehearsals\/2026-11-25-staging-v1\.5\.0\.yaml:7 field "phases\.1\.id": unknown phase "canry" of procedures\/deployment-checklist/,
		);
		expect(build.output).toMatch(/records\/signoffs\/2026-11-25-devops-lead\.yaml:4 field "decision": /);
		expect(fs.existsSync(build.outDir)).toBe(false);
	});

	test('a bad policy or acceptance fails the build naming the file, line and field', () => {
		const policy = fs.readFileSync(path.join(fixturesDir, 'records-complete/content/policy.yaml'), 'utf8');
		const dir = makeFixture('records-complete', {
			'policy.yaml': policy.replace("checklist: { covers: '1.1' }", "checklist: { covers: '1.9' }"),
			'records/acceptances/2026-11-25-x.yaml':
				'criterion: monitoring\nrole: product-owner\nname: Someone\ndate: 2026-11-25\nreason: Fine\nexpires: 2026-11-20\n',
		});
		const build = buildSite(dir, undefined, TODAY);
		expect(build.status).not.toBe(0);
		expect(build.output).toMatch(
			/policy\.yaml:\d+ field "criteria\.1\.checklist\.covers": no subtask "1\.9" in task\.subtasks/,
		);
		expect(build.output).toMatch(/records\/acceptances\/2026-11-25-x\.yaml:6 field "expires": expires is before date/);
		expect(fs.existsSync(build.outDir)).toBe(false);
	});
});
