/**
 * Interactive checklists, incident sessions and the environment picker, against a fixture site built with the real
 * pipeline (tests/fixtures/checklists: a runbook and a deployment checklist with task lists, timed phases and
 * per-environment commands, and a post-deployment verification checklist).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { parse } from 'yaml';
import { REHEARSAL_FIELDS, VERIFICATION_FIELDS } from '../../src/records/records-shape.ts';
import { buildSite, makeFixture } from '../support/fixture-site.ts';
import { startStaticServer, type RunningServer } from '../support/static-server.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let server: RunningServer;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const build = buildSite(makeFixture('checklists'));
	expect(build.status, build.output).toBe(0);
	server = await startStaticServer(build.outDir);
});

test.afterAll(async () => {
	await server?.close();
});

const open = (page: Page, id: string) => page.goto(`${server.url}${id}/`);
const checklist = (page: Page, title: string) => page.locator(`[data-checklist-title="${title}"]`);
const bar = (page: Page, title: string) =>
	page
		.locator('.checklist-bar', { has: page.locator('.checklist-progress') })
		.filter({ has: page.getByRole('button', { name: `Reset “${title}”` }) });

async function startSession(page: Page, name: string): Promise<void> {
	await page.locator('[data-session-control] > details > summary').click();
	const panel = page.locator('[data-session-panel]');
	await panel.getByLabel('Incident ID or name').fill(name);
	await expect(panel.getByLabel('Start time')).not.toHaveValue('');
	await panel.getByRole('button', { name: 'Start session' }).click();
	await expect(page.locator('[data-session-label]')).toHaveText(`Recording: ${name}`);
	await page.locator('[data-session-control] > details > summary').click();
}

async function openPanel(page: Page) {
	await page.locator('[data-session-control] > details > summary').click();
	return page.locator('[data-session-panel]');
}

test('tick, reload: the box is still ticked and shows when it was ticked', async ({ page }) => {
	await open(page, 'runbooks/deploy');
	const box = page.getByRole('checkbox', { name: 'Release notes read' });
	await expect(box).toBeEnabled();
	await expect(bar(page, 'Prerequisites').locator('.checklist-progress')).toHaveText('0 of 2 done');
	await box.check();
	await expect(bar(page, 'Prerequisites').locator('.checklist-progress')).toHaveText('1 of 2 done');
	await page.reload();
	await expect(box).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Change ticket approved' })).not.toBeChecked();
	const time = checklist(page, 'Prerequisites').locator('li', { has: box }).locator('time.checklist-time');
	await expect(time).toBeVisible();
	await expect(time).toHaveText(/^ticked \d{2}:\d{2}$/);
	expect(Date.now() - Date.parse((await time.getAttribute('datetime'))!)).toBeLessThan(5 * 60_000);
	await expect(bar(page, 'Prerequisites').locator('.checklist-progress')).toHaveText('1 of 2 done');
	// The other checklist on the page keeps its own state.
	await expect(bar(page, 'Verification').locator('.checklist-progress')).toHaveText('0 of 2 done');
});

/** The checklist module (client/checklists.ts): its chunk, not the loader's entry (Checklists.astro_…js). */
const CHECKLIST_MODULE = /\/_astro\/checklists\.[\w-]+\.js$/;

/** Holds back the checklist module until `release()`: what the reader does meanwhile happens before it runs. */
async function holdChecklistModule(page: Page): Promise<{ release: () => void; requested: () => boolean }> {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	let requested = false;
	await page.route(CHECKLIST_MODULE, async (route) => {
		requested = true;
		await released;
		await route.continue();
	});
	return { release, requested: () => requested };
}

/** Counts what the checklist script saves (localStorage writes of checklist state) and the ticks it announces. */
async function countSaves(page: Page): Promise<() => Promise<{ writes: number; events: string[] }>> {
	await page.evaluate(() => {
		const w = window as unknown as { __saves: { writes: number; events: string[] } };
		w.__saves = { writes: 0, events: [] };
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key.startsWith('opsbook-checklist:')) w.__saves.writes++;
			setItem.call(this, key, value);
		};
		document.addEventListener('opsbook:checklist', (e) => {
			const { action, text } = (e as CustomEvent<{ action: string; text?: string }>).detail;
			w.__saves.events.push(`${action} ${text ?? ''}`.trim());
		});
	});
	return () => page.evaluate(() => (window as unknown as { __saves: { writes: number; events: string[] } }).__saves);
}

test('up front a checklist page runs only the loader: no checklist module, at most 4 KB gzip of JavaScript', async ({
	page,
}) => {
	const requested: string[] = [];
	const bodies = new Map<string, Promise<Buffer>>();
	page.on('request', (request) => void requested.push(request.url()));
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') bodies.set(response.url(), response.body());
	});
	await open(page, 'procedures/deployment-checklist');
	await page.waitForLoadState('networkidle');
	// Ready before any interaction: boxes enabled, bars shown at their final size by the loader.
	const box = page.getByRole('checkbox', { name: 'Backups verified' });
	await expect(box).toBeEnabled();
	await expect(bar(page, 'Pre-deployment verification').locator('.checklist-progress')).toHaveText('0 of 3 done');
	expect(requested.filter((url) => CHECKLIST_MODULE.test(url))).toEqual([]);

	// Up front: the scripts fetched before the load event (module scripts and their static imports; what the page
	// imports after `load`, the offline status and the contents highlight, is not), and the inline scripts.
	const { upFront, inline } = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		return {
			upFront: performance
				.getEntriesByType('resource')
				.filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime < nav.loadEventStart)
				.map((e) => e.name),
			inline: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''),
		};
	});
	expect(upFront.some((url) => url.includes('/_astro/Checklists.astro_'))).toBe(true);
	const files = await Promise.all(upFront.map((url) => bodies.get(url)!));
	// Measured as src/bench/output-size.ts pageWeight does (the budget's measure): one gzip of everything that runs.
	const gzip = gzipSync(Buffer.concat([...files, Buffer.from(inline)])).length;
	const perFile = files.map((f) => gzipSync(f).length);
	test.info().annotations.push({
		type: 'up-front JavaScript',
		description: `${gzip} B gzip together; ${perFile.join(' + ')} B gzip file by file (${upFront.length} files)`,
	});
	expect(gzip).toBeLessThanOrEqual(4 * 1024);

	// The first interaction brings the module.
	const loaded = page.waitForRequest(CHECKLIST_MODULE);
	await box.click();
	await loaded;
	await expect(bar(page, 'Pre-deployment verification').locator('.checklist-progress')).toHaveText('1 of 3 done');
});

test('a click before the module arrives ticks the box and saves it once; after a reload it is back untouched', async ({
	page,
}) => {
	await open(page, 'runbooks/deploy');
	const saves = await countSaves(page);
	const module = await holdChecklistModule(page);
	const box = page.getByRole('checkbox', { name: 'Release notes read' });
	const progress = bar(page, 'Prerequisites').locator('.checklist-progress');
	const where = await box.boundingBox();
	await box.click();
	// The box ticked itself; the module, asked for by the click, is still on its way.
	expect(module.requested()).toBe(true);
	await expect(box).toBeChecked();
	await expect(progress).toHaveText('0 of 2 done');
	module.release();
	await expect(progress).toHaveText('1 of 2 done');
	await expect(box).toBeChecked();
	// The bar was already there: nothing moved under the pointer when the module arrived.
	expect(await box.boundingBox()).toEqual(where);
	await expect(checklist(page, 'Prerequisites').locator('time.checklist-time')).toHaveCount(1);
	expect(await saves()).toEqual({ writes: 1, events: ['tick Release notes read'] });

	// Saved ticks: the module loads with the page, no interaction needed. The time and the count come from the module
	// only (a browser restoring form state could tick the box by itself, never those).
	await page.unrouteAll();
	const eager = page.waitForRequest(CHECKLIST_MODULE);
	await page.reload();
	await eager;
	await expect(progress).toHaveText('1 of 2 done');
	await expect(box).toBeChecked();
	await expect(checklist(page, 'Prerequisites').locator('time.checklist-time')).toHaveText(/^ticked \d{2}:\d{2}$/);
	await expect(page.getByRole('checkbox', { name: 'Change ticket approved' })).not.toBeChecked();
});

test('Space on a focused box and a click on Copy, both before the module arrives, are not lost', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, 'procedures/deployment-checklist');
	const saves = await countSaves(page);
	const module = await holdChecklistModule(page);
	const box = page.getByRole('checkbox', { name: 'Canary deployed' });
	await box.focus();
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	await page.getByRole('button', { name: 'Copy progress as Markdown: “Canary and bake”' }).click();
	module.release();
	await expect(bar(page, 'Canary and bake').locator('.checklist-progress')).toHaveText('1 of 2 done');
	await expect(page.getByText('Progress copied as Markdown.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('- [x] Canary deployed (ticked ');
	expect(await saves()).toEqual({ writes: 1, events: ['tick Canary deployed'] });
});

test('an edited checklist does not inherit old ticks: a notice says it changed, and reset clears it', async ({
	page,
}) => {
	test.setTimeout(300_000);
	const dir = makeFixture('checklists');
	const out = `${dir}-dist`;
	expect(buildSite(dir, out).status).toBe(0);
	let site = await startStaticServer(out);
	const port = site.port;
	await page.goto(`${site.url}runbooks/deploy/`);
	await page.getByRole('checkbox', { name: 'Release notes read' }).check();
	await page.getByRole('checkbox', { name: 'Health returns 200 on api.staging.fixture.example.com' }).check();
	await site.close();

	const file = path.join(dir, 'runbooks/deploy.mdx');
	fs.writeFileSync(
		file,
		fs
			.readFileSync(file, 'utf8')
			.replace('- [ ] Change ticket approved', '- [ ] Change ticket approved by the release manager'),
	);
	const rebuilt = buildSite(dir, out);
	expect(rebuilt.status, rebuilt.output).toBe(0);
	site = await startStaticServer(out, port); // same origin, same localStorage
	try {
		await page.goto(`${site.url}runbooks/deploy/`);
		const notice = page
			.locator('.checklist-notice')
			.filter({ hasText: 'This checklist changed since you last used it' });
		await expect(notice).toHaveCount(1);
		await expect(notice).toBeVisible();
		// Stale ticks are not applied to the new version.
		await expect(page.getByRole('checkbox', { name: 'Release notes read' })).not.toBeChecked();
		// The unchanged checklist keeps its tick and shows no notice.
		await expect(
			page.getByRole('checkbox', { name: 'Health returns 200 on api.staging.fixture.example.com' }),
		).toBeChecked();
		await notice.getByRole('button', { name: /^Reset/ }).click();
		await expect(notice).toBeHidden();
		await page.reload();
		await expect(page.locator('.checklist-notice:visible')).toHaveCount(0);
		await expect(page.getByRole('checkbox', { name: 'Release notes read' })).not.toBeChecked();
	} finally {
		await site.close();
	}
});

test('reset clears a checklist after confirmation', async ({ page }) => {
	await open(page, 'runbooks/deploy');
	await page.getByRole('checkbox', { name: 'Release notes read' }).check();
	await page.getByRole('checkbox', { name: 'Change ticket approved' }).check();
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Reset “Prerequisites”' }).click();
	await expect(page.getByRole('checkbox', { name: 'Release notes read' })).not.toBeChecked();
	await expect(bar(page, 'Prerequisites').locator('.checklist-progress')).toHaveText('0 of 2 done');
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Change ticket approved' })).not.toBeChecked();
});

test('"Copy progress as Markdown" copies every item with [x]/[ ] and local and UTC times', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, 'procedures/deployment-checklist');
	await page.getByRole('checkbox', { name: 'Backups verified' }).check();
	await page.getByRole('checkbox', { name: 'Snapshot younger than 24 hours' }).check();
	await page.getByRole('button', { name: 'Copy progress as Markdown: “Pre-deployment verification”' }).click();
	await expect(page.getByText('Progress copied as Markdown.')).toBeVisible();
	const markdown = await page.evaluate(() => navigator.clipboard.readText());
	expect(markdown).toContain('### Deployment checklist: Pre-deployment verification');
	expect(markdown).toContain('2 of 3 done');
	expect(markdown).toContain('- [ ] Pods healthy in fixture-staging\n');
	expect(markdown).toMatch(
		/^- \[x\] Backups verified \(ticked \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\); \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)$/m,
	);
	expect(markdown).toMatch(/^ {2}- \[x\] Snapshot younger than 24 hours \(ticked .+ UTC\)$/m);
});

test('an incident session spanning two documents exports one timeline with ticks from both', async ({ page }) => {
	await open(page, 'runbooks/deploy');
	await startSession(page, 'INC-42 fixture drill');
	await page.getByRole('checkbox', { name: 'Release notes read' }).check();
	await open(page, 'procedures/deployment-checklist');
	await expect(page.locator('[data-session-label]')).toHaveText('Recording: INC-42 fixture drill');
	await page.getByRole('checkbox', { name: 'Canary deployed' }).check();
	await page.getByRole('checkbox', { name: 'Rollout complete' }).check();

	const panel = await openPanel(page);
	await expect(panel.getByText(/3 ticks in 2 documents/)).toBeVisible();
	await panel.getByRole('button', { name: 'Export timeline' }).click();
	const timeline = await panel.getByLabel('Exported timeline').inputValue();
	expect(timeline).toContain('## Incident timeline: INC-42 fixture drill');
	expect(timeline).toContain('| Time (UTC) | Document | Item |');
	expect(timeline).toMatch(
		/\| \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \| Deploy the fixture \| \[x\] Release notes read \|/,
	);
	expect(timeline).toMatch(/\| [^|]+ UTC \| Deployment checklist \| \[x\] Canary deployed \|/);
	expect(timeline).toMatch(/\| [^|]+ UTC \| Deployment checklist \| \[x\] Rollout complete \|/);
	// Chronological: the first document's tick comes first.
	expect(timeline.indexOf('Release notes read')).toBeLessThan(timeline.indexOf('Canary deployed'));

	// Ending moves it to the history, where it can still be exported, then cleared.
	await panel.getByRole('button', { name: 'End session' }).click();
	await expect(page.locator('[data-session-label]')).toHaveText('Incident session');
	await expect(panel.locator('[data-field="history"] li')).toHaveText([
		/^INC-42 fixture drill: .+ UTC to .+ UTC, 3 events$/,
	]);
	await page.getByRole('checkbox', { name: 'Smoke tests pass' }).check(); // after the session: not recorded
	await expect(panel).toBeHidden(); // a click elsewhere closes the panel
	await openPanel(page);
	await panel.getByRole('button', { name: 'Export timeline' }).click();
	const ended = await panel.getByLabel('Exported timeline').inputValue();
	expect(ended).toContain('Session ended');
	expect(ended).toContain('Rollout complete');
	expect(ended).not.toContain('Smoke tests pass');
	page.once('dialog', (dialog) => void dialog.accept());
	await panel.getByRole('button', { name: 'Clear history' }).click();
	await expect(panel.locator('[data-field="history"] li')).toHaveCount(0);
	await expect(panel.getByRole('button', { name: 'Export timeline' })).toBeHidden();
});

test('a session on the deployment checklist exports a rehearsal record with phases and times', async ({ page }) => {
	await open(page, 'procedures/deployment-checklist');
	await startSession(page, 'Rehearsal 2026-11-26');
	for (const name of [
		'Pods healthy in fixture-staging',
		'Backups verified',
		'Canary deployed',
		'Canary error rate below 1% for 10 minutes',
	]) {
		await page.getByRole('checkbox', { name }).check();
	}
	const panel = await openPanel(page);
	await panel.getByText('Rehearsal record (YAML)').click();
	const form = panel.locator('form[data-form="rehearsal"]');
	await expect(form.getByLabel('Checklist')).toHaveValue('procedures/deployment-checklist');
	await expect(form.getByLabel('Environment')).toHaveValue('staging');
	await form.getByLabel('Version').fill('v1.4.0');
	await form.getByLabel('Issues found (one per line)').fill('Canary dashboard slow to load');
	await form.getByLabel('Rollback practised').check();
	await form.getByRole('button', { name: 'Export rehearsal record' }).click();
	const yaml = await panel.getByLabel('Exported rehearsal record').inputValue();
	const record = parse(yaml) as Record<string, unknown> & { phases: Array<{ id: string; start: string; end: string }> };
	expect(Object.keys(record)).toEqual([...REHEARSAL_FIELDS]);
	expect(record).toMatchObject({
		environment: 'staging',
		version: 'v1.4.0',
		checklist: 'procedures/deployment-checklist',
		result: 'success',
		issuesFound: ['Canary dashboard slow to load'],
		lessonsLearned: [],
		rollbackPractised: true,
		alertsVerified: false,
	});
	expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	expect(record.phases.map((p) => p.id)).toEqual(['pre-checks', 'canary']);
	for (const phase of record.phases) {
		expect(phase.start).toMatch(ISO_UTC);
		expect(phase.end).toMatch(ISO_UTC);
		expect(phase.start <= phase.end).toBe(true);
	}
	expect(record.phases[0]!.end <= record.phases[1]!.start).toBe(true);
	expect(yaml).toContain('phase "rollout" has no ticks');
	expect(yaml).toMatch(/commit it as content\/records\/rehearsals\/\d{4}-\d{2}-\d{2}-staging-v1\.4\.0\.yaml/);
});

test('a session on the post-deployment verification exports a verification record with checks and results', async ({
	page,
}) => {
	await open(page, 'procedures/post-deployment-verification');
	await startSession(page, 'Release v1.4.0 verification');
	await page.getByRole('checkbox', { name: 'Health endpoint returns 200' }).check();
	await page.getByRole('checkbox', { name: 'No new alerts firing' }).check();
	const panel = await openPanel(page);
	await panel.getByText('Verification record (YAML)').click();
	const form = panel.locator('form[data-form="verification"]');
	await expect(form.getByLabel('Checklist')).toHaveValue('procedures/post-deployment-verification');
	await expect(form.getByLabel('Environment')).toHaveValue('production');
	await form.getByLabel('Version').fill('v1.4.0');
	await form
		.getByLabel('Baseline metrics (name: value, one per line)')
		.fill('p95LatencyMs: 180\nerrorRatePercent: 0.2');
	await form.getByRole('button', { name: 'Export verification record' }).click();
	const record = parse(await panel.getByLabel('Exported verification record').inputValue()) as Record<
		string,
		unknown
	> & { checks: Array<{ check: string; result: string; at?: string }> };
	expect(Object.keys(record)).toEqual([...VERIFICATION_FIELDS]);
	expect(record).toMatchObject({
		version: 'v1.4.0',
		environment: 'production',
		baselineMetrics: { p95LatencyMs: 180, errorRatePercent: 0.2 },
	});
	expect(record.checks.map((c) => [c.check, c.result])).toEqual([
		['Health endpoint returns 200', 'pass'],
		['p95 latency below 500 ms', 'not-run'],
		['No new alerts firing', 'pass'],
	]);
	expect(record.checks[0]!.at).toMatch(ISO_UTC);
});

test('switching the environment changes the commands shown; production is marked and announced; the choice persists', async ({
	page,
}) => {
	await open(page, 'procedures/deployment-checklist');
	const picker = page.getByLabel('Environment');
	await expect(picker).toHaveValue('staging');
	await expect(picker.locator('option:checked')).toHaveText('Staging');
	const command = page.locator('.code-block pre').filter({ hasText: 'kubectl' });
	await expect(command).toHaveText('kubectl --context staging-eu-west-1 -n fixture-staging get pods\n');
	await expect(page.locator('[data-env-band]')).toBeHidden();

	await picker.selectOption('production');
	await expect(command).toHaveText('kubectl --context production-eu-west-1 -n fixture-production get pods\n');
	await expect(page.getByRole('checkbox', { name: 'Pods healthy in fixture-production' })).toBeVisible();
	await expect(page.locator('[data-env-band]')).toBeVisible();
	await expect(page.locator('[data-env-band]')).toHaveCSS('background-color', 'rgb(180, 35, 24)');
	await expect(page.locator('[data-env-badge]')).toHaveText('Production');
	await expect(picker.locator('option:checked')).toHaveText('Production');
	await expect(page.locator('[data-env-announce]')).toHaveText(/target production/);
	await expect(page.locator('html')).toHaveAttribute('data-environment', 'production');

	// The choice persists across pages and reloads; switching back removes the marking.
	await open(page, 'runbooks/deploy');
	await expect(page.getByLabel('Environment')).toHaveValue('production');
	await expect(page.locator('pre').first()).toContainText('curl -fsS https://api.fixture.example.com/healthz');
	await page.getByLabel('Environment').selectOption('staging');
	await expect(page.locator('pre').first()).toContainText('https://api.staging.fixture.example.com/healthz');
	await expect(page.locator('[data-env-band]')).toBeHidden();
	await expect(page.locator('[data-env-badge]')).toBeHidden();
});

test('the copy button copies the command for the chosen environment', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, 'procedures/deployment-checklist');
	const block = page.locator('.code-block').filter({ hasText: 'kubectl' });
	await block.getByRole('button', { name: 'Copy' }).click();
	await expect
		.poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).trim())
		.toBe('kubectl --context staging-eu-west-1 -n fixture-staging get pods');
	await page.getByLabel('Environment').selectOption('production');
	await block.getByRole('button', { name: /^Cop/ }).click();
	await expect
		.poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).trim())
		.toBe('kubectl --context production-eu-west-1 -n fixture-production get pods');
});

test('when the clipboard is refused, every copy button leaves the text ready to copy by hand', async ({ page }) => {
	await page.addInitScript(() => {
		navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied.', 'NotAllowedError'));
	});
	// Focused, every character selected: Ctrl+C copies exactly the text.
	const selectedAll = (field: Locator) =>
		field.evaluate(
			(el: HTMLTextAreaElement) =>
				document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length,
		);
	await open(page, 'procedures/deployment-checklist');

	const block = page.locator('.code-block').filter({ hasText: 'kubectl' });
	await block.getByRole('button', { name: 'Copy' }).click();
	await expect(block.getByRole('button', { name: 'Select and copy' })).toBeVisible();

	await page.getByRole('checkbox', { name: 'Backups verified' }).check();
	await page.getByRole('button', { name: 'Copy progress as Markdown: “Pre-deployment verification”' }).click();
	await expect(page.getByText('Copy the selected text (Ctrl+C or ⌘C).')).toBeVisible();
	const progress = page.getByLabel('Checklist progress as Markdown');
	await expect(progress).toHaveValue(/^### Deployment checklist: Pre-deployment verification\n/);
	await expect(progress).toHaveValue(/^- \[x\] Backups verified /m);
	expect(await selectedAll(progress)).toBe(true);

	await startSession(page, 'INC-7 no clipboard');
	const panel = await openPanel(page);
	await panel.getByRole('button', { name: 'Export timeline' }).click();
	await panel.getByRole('button', { name: 'Copy', exact: true }).click();
	await expect(panel.getByText('Copy the selected text (Ctrl+C or ⌘C).')).toBeVisible();
	expect(await selectedAll(panel.getByLabel('Exported timeline'))).toBe(true);
});

test('without JavaScript a checklist is a readable list of empty boxes and no controls show', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await open(page, 'procedures/deployment-checklist');
	const items = checklist(page, 'Pre-deployment verification').locator('li.task-list-item');
	await expect(items).toHaveCount(3);
	await expect(items.first()).toContainText('Pods healthy in fixture-staging');
	const boxes = page.getByRole('checkbox');
	await expect(boxes).toHaveCount(7);
	for (const box of await boxes.all()) {
		await expect(box).not.toBeChecked();
		await expect(box).toBeDisabled();
	}
	await expect(page.locator('.checklist-bar')).toHaveCount(0);
	await expect(page.locator('[data-env-picker]')).toBeHidden();
	await expect(page.locator('[data-session-control]')).toBeHidden();
	// No copy button that could not copy: the script adds them.
	await expect(page.getByRole('button', { name: 'Copy' })).toHaveCount(0);
	// The default environment's values are in the HTML.
	await expect(page.locator('pre').first()).toContainText(
		'kubectl --context staging-eu-west-1 -n fixture-staging get pods',
	);
	await context.close();
});

test('printed, ticked boxes come out empty and checklist controls are not printed', async ({ page }) => {
	await open(page, 'procedures/deployment-checklist');
	const box = page.getByRole('checkbox', { name: 'Canary deployed' });
	await box.check();
	const controls = page.locator('.checklist-bar button');
	await expect(controls).toHaveCount(6); // Copy and Reset for each of the three checklists
	await expect(controls.first()).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	for (const control of await controls.all()) await expect(control).toBeHidden();
	await expect(page.locator('.checklist-bar').first()).toBeHidden();
	await expect(page.locator('time.checklist-time')).toBeHidden();
	await expect(page.locator('[data-env-picker]')).toBeHidden();
	await expect(page.locator('[data-session-control]')).toBeHidden();
	// The ticked box looks exactly like the same box unticked.
	const ticked = await box.screenshot();
	await box.evaluate((el: HTMLInputElement) => (el.checked = false));
	const empty = await box.screenshot();
	expect(ticked.equals(empty)).toBe(true);
	// On screen the tick shows again (the check is real, only paper hides it).
	await box.evaluate((el: HTMLInputElement) => (el.checked = true));
	await page.emulateMedia({ media: 'screen' });
	expect((await box.screenshot()).equals(empty)).toBe(false);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`checklist controls, the production marking and the open session panel pass axe (${scheme})`, async ({
		page,
	}) => {
		await page.emulateMedia({ colorScheme: scheme });
		await open(page, 'procedures/deployment-checklist');
		await page.getByRole('checkbox', { name: 'Canary deployed' }).check();
		await page.getByLabel('Environment').selectOption('production');
		await startSession(page, 'INC-9 axe');
		const panel = await openPanel(page);
		await panel.getByText('Rehearsal record (YAML)').click();
		await panel.getByRole('button', { name: 'Export timeline' }).click();
		expect(await seriousViolations(page)).toEqual([]);
	});
}
