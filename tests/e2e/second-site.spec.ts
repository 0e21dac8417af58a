/**
 * Another team's site with no Opsbook code change: tests/fixtures/second-site keeps its content in handbook/, is
 * hosted under /ops/, switches cards off and has its own readiness policy (other roles, a 7-day window, four
 * criteria, its own source task). The build, the approval page and `opsbook verify` all follow its YAML.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, copyFixture, repoRoot, type FixtureBuild, type FixtureCopy } from '../support/fixture-site.ts';
import { startStaticServer, type RunningServer } from '../support/static-server.ts';

const TODAY = '2026-11-26';

test.describe('a second site: other content folder, base path, features and policy', () => {
	test.describe.configure({ mode: 'serial', timeout: 240_000 });
	let copy: FixtureCopy;
	let build: FixtureBuild;
	let server: RunningServer;

	test.beforeAll(async () => {
		copy = copyFixture('second-site');
		expect(path.basename(copy.contentDir)).toBe('handbook');
		build = buildSite(copy.contentDir, undefined, { OPSBOOK_TODAY: TODAY });
		expect(build.status, build.output).toBe(0);
		server = await startStaticServer(build.outDir, 0, '/ops/');
	});
	test.afterAll(async () => {
		await server?.close();
	});

	test('it builds from handbook/ and is served under /ops/', async ({ page }) => {
		expect(server.url).toMatch(/\/ops\/$/);
		await page.goto(server.url);
		await expect(page).toHaveTitle(/Payments Ops/);
		await page.goto(`${server.url}runbooks/release/`);
		await expect(page.getByRole('heading', { level: 1, name: 'Release the payments API' })).toBeVisible();
		await expect(page.locator('main')).toContainText('api.preprod.payments.example.com/health');
		// Links stay under the base path.
		const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(hrefs.filter((h) => !h.startsWith('/ops/'))).toEqual([]);
	});

	test("the team's own front-matter fields show under Details and count in the coverage report", async ({ page }) => {
		await page.goto(`${server.url}runbooks/release/`);
		const details = page.locator('details.meta');
		await details.locator('summary').click();
		const field = (name: string) => details.locator('.meta-extra', { has: page.locator('dt', { hasText: name }) });
		await expect(field('Pagerduty service').locator('dd')).toBeVisible();
		await expect(field('Pagerduty service').locator('dd')).toHaveText('PQ7RT2K');
		const dashboard = field('Dashboard').getByRole('link');
		await expect(dashboard).toBeVisible();
		await expect(dashboard).toHaveAttribute('href', 'https://grafana.payments.example.com/d/release');
		await page.goto(`${server.url}coverage/`);
		await expect(page.locator('tr[data-field="pagerdutyService"] td').first()).toHaveText(/^2 of 2 /);
		await expect(page.locator('tr[data-field="dashboard"] td').first()).toHaveText(/^1 of 2 /);
	});

	test('a value that breaks a field of its own is reported at its file and line', () => {
		const bad = copyFixture('second-site');
		const file = path.join(bad.contentDir, 'runbooks', 'release.mdx');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('PQ7RT2K', 'payments-team'));
		const run = spawnSync(
			process.execPath,
			[path.join(repoRoot, 'bin', 'opsbook.js'), 'check', '--root', bad.project],
			{
				encoding: 'utf8',
				env: { ...process.env, NO_COLOR: '1' },
			},
		);
		// The default profile warns; the strict profile fails on the same line (tests/unit/frontmatter.test.ts).
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toMatch(
			/handbook\/runbooks\/release\.mdx:14 frontmatter field "pagerdutyService": .*a PagerDuty service id such as PX1Y2Z3/,
		);
	});

	test("the approval page applies the team's own policy: its criteria, roles and acceptances", async ({ page }) => {
		await page.goto(`${server.url}approval/`);
		const verdict = page.locator('[data-verdict]');
		await expect(verdict).toHaveAttribute('data-verdict', 'NO-GO');
		await expect(verdict).toContainText('1 of 4 criteria not met; 1 accepted as a risk (dry-run)');
		await expect(page.locator('.lede')).toContainText('Subtask 3.1 (Go-live approval)');
		await expect(page.locator('.lede')).toContainText('handbook/policy.yaml');

		const rows = page.locator('table.criteria tbody tr');
		await expect(rows).toHaveCount(4);
		expect(
			await rows.evaluateAll((trs) =>
				trs.map((tr) => [tr.getAttribute('data-criterion'), tr.getAttribute('data-status')]),
			),
		).toEqual([
			['docs', 'pass'],
			['dry-run', 'accepted'],
			['ci', 'pass'],
			['go-live', 'fail'],
		]);
		const dryRun = page.locator('tr[data-criterion="dry-run"]');
		await expect(dryRun).toContainText('ACCEPTED (risk)');
		await expect(dryRun.locator('.acceptance')).toContainText(
			'Risk accepted by Service owner (Ada Kim) on 2026-11-25, until 2026-11-30',
		);
		await expect(dryRun.locator('.acceptance')).toContainText('Pre-production is being rebuilt this week');
		await expect(dryRun.locator('.missing')).toContainText(
			'no rehearsal in preprod recorded (handbook/records/rehearsals/)',
		);
		// The sign-offs cannot be waived in this policy: the acceptance is shown, with why it does not count.
		const goLive = page.locator('tr[data-criterion="go-live"]');
		await expect(goLive).toContainText('FAIL');
		await expect(goLive.locator('.acceptance-void')).toContainText('does not count: nobody may accept this criterion');

		// The other roles: the sign-off table, who may accept, and the policy summary.
		await expect(page.locator('.signoff-table tbody tr')).toHaveCount(2);
		await expect(page.locator('.signoff-table tr[data-role="service-owner"]')).toHaveAttribute(
			'data-status',
			'approved',
		);
		await expect(page.locator('.signoff-table tr[data-role="security-champion"]')).toHaveAttribute(
			'data-status',
			'missing',
		);
		await expect(page.locator('table.acceptors tr[data-acceptors="dry-run"]')).toContainText('Service owner');
		await expect(page.locator('table.acceptors tr[data-acceptors="go-live"]')).toContainText('nobody');
		await expect(page.locator('.risk-section pre.record-example')).toContainText('role: service-owner');
		const policy = page.locator('#policy + p + ul');
		await expect(policy).toContainText('Required sign-offs: Service owner, Security champion');
		await expect(policy).toContainText('Rehearsal: in preprod, at most 7 days old');
		await expect(policy).toContainText('for at most 7 days');
		await expect(page.locator('main')).not.toContainText('Product owner');
	});

	test('cards are off: no cards page, no card PDFs', async ({ request }) => {
		expect((await request.get(`${server.url}cards/`)).status()).toBe(404);
		const files = fs.readdirSync(build.outDir, { recursive: true }) as string[];
		expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
		expect(fs.existsSync(path.join(build.outDir, 'cards'))).toBe(false);
	});

	test("opsbook verify --root reports the fixture's own criteria", () => {
		const verify = (...args: string[]) =>
			spawnSync(
				process.execPath,
				[path.join(repoRoot, 'bin', 'opsbook.js'), 'verify', '--root', copy.project, '--today', TODAY, ...args],
				{
					encoding: 'utf8',
					env: { ...process.env, NO_COLOR: '1' },
				},
			);
		const run = verify();
		expect(run.status, run.stderr).toBe(1);
		expect(run.stdout).toMatch(/^1 +Runbook and escalation written and reviewed +PASS /m);
		expect(run.stdout).toMatch(
			/^2 +Release dry-run in pre-production this week +ACCEPTED \(risk\) +Accepted as a risk by Service owner/m,
		);
		expect(run.stdout).toMatch(
			/^4 +Service owner and security champion signed off +FAIL +Security champion: no sign-off recorded/m,
		);
		expect(run.stdout).toMatch(/^NO-GO: 1 of 4 criteria not met; 1 accepted as a risk \(dry-run\)\.$/m);
		expect(run.stdout).not.toMatch(/Team trained|Capacity planning|Product owner/);

		const json = verify('--json');
		const report = JSON.parse(json.stdout) as {
			criteria: Array<{ id: string; status: string }>;
			signoffs: Array<{ role: string }>;
			policy: { file: string };
		};
		expect(report.criteria.map((c) => [c.id, c.status])).toEqual([
			['docs', 'pass'],
			['dry-run', 'accepted'],
			['ci', 'pass'],
			['go-live', 'fail'],
		]);
		expect(report.signoffs.map((s) => s.role)).toEqual(['service-owner', 'security-champion']);
		expect(report.policy.file).toMatch(/handbook\/policy\.yaml$/);
	});
});
