/**
 * `opsbook dev` as a writer uses it: the page follows the files. facts.yaml is read once when the server starts (the
 * pages, the checks and the Markdown pipeline share that reading), so an edit to it restarts the server; the next
 * request shows the new value without anyone restarting anything by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyFixture } from '../support/fixture-site.ts';
import { startDev, type DevProcess } from '../../src/cli/dev-process.ts';

test.describe.configure({ timeout: 300_000 });

let server: DevProcess | undefined;
test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

/**
 * A plain-Markdown document beside the fixture's MDX: under dev, .md pages are rendered on request, not stored. In .md a
 * reference is replaced in code, not in prose.
 */
const RESTART_MD = `---
title: Restart the fixture
description: A plain Markdown runbook with a fact.
kind: runbook
owner: { team: SRE, role: on-call-engineer }
service: fixture-api
status: active
lastReviewed: 2026-11-01
reviewEvery: 90
lastTested: { date: 2026-11-01, method: rehearsal }
duration: 5
alerts: [FixtureApiDown]
---

## Prerequisites

Refuse uploads over \`{facts.limits.maxUploadSizeMB}\` MB while the fixture restarts.

## Steps

1. Restart the fixture.

## Verification

The health check answers 200.

## Rollback

Start the previous release.

## Escalation

Page the incident commander.
`;

async function startDevOn(project: string): Promise<string> {
	server = await startDev(project, { env: { OPSBOOK_CARD_PDFS: 'off' } });
	return server.url;
}

test('an edit to facts.yaml under opsbook dev shows on the next load, without a manual restart', async ({ page }) => {
	const { project, contentDir } = copyFixture('minimal', { 'runbooks/restart.md': RESTART_MD });
	const url = await startDevOn(project);
	await page.goto(`${url}runbooks/deploy/`);
	await expect(page.locator('main')).toContainText('Uploads are limited to 25 MB.');
	await page.goto(`${url}runbooks/restart/`);
	await expect(page.locator('main')).toContainText('Refuse uploads over 25 MB');

	const factsFile = path.join(contentDir, 'facts.yaml');
	fs.writeFileSync(factsFile, fs.readFileSync(factsFile, 'utf8').replace('maxUploadSizeMB: 25', 'maxUploadSizeMB: 40'));
	// The server restarts (a few seconds, the content check included); reload until the page shows the new value.
	await expect(async () => {
		await page.goto(`${url}runbooks/deploy/`);
		await expect(page.locator('main')).toContainText('Uploads are limited to 40 MB.', { timeout: 1000 });
	}).toPass({ timeout: 120_000, intervals: [1000] });
	await page.goto(`${url}runbooks/restart/`);
	await expect(page.locator('main')).toContainText('Refuse uploads over 40 MB');
});

test('under opsbook dev, an edit to a document shows on the page: its text and its front matter', async ({ page }) => {
	const { project, contentDir } = copyFixture('minimal', { 'runbooks/restart.md': RESTART_MD });
	const url = await startDevOn(project);
	await page.goto(`${url}runbooks/deploy/`);
	const file = path.join(contentDir, 'runbooks', 'deploy.mdx');
	const text = fs.readFileSync(file, 'utf8');
	const title = /^title: (.*)$/m.exec(text)![1]!;
	await expect(page.locator('h1')).toHaveText(title);
	fs.writeFileSync(
		file,
		text.replace(/^title: .*$/m, 'title: Deploy the fixture, edited').replace('Uploads are', 'Edited: uploads are'),
	);
	await expect(async () => {
		await page.goto(`${url}runbooks/deploy/`);
		await expect(page.locator('main')).toContainText('Edited: uploads are', { timeout: 1000 });
		await expect(page.locator('h1')).toHaveText('Deploy the fixture, edited', { timeout: 1000 });
	}).toPass({ timeout: 60_000, intervals: [1000] });
});

test('under opsbook dev, a .md page reloads itself after a save, text and title alike', async ({ page }) => {
	const { project, contentDir } = copyFixture('minimal', { 'runbooks/restart.md': RESTART_MD });
	const url = await startDevOn(project);
	await page.goto(`${url}runbooks/restart/`);
	await expect(page.locator('h1')).toHaveText('Restart the fixture');
	const file = path.join(contentDir, 'runbooks', 'restart.md');
	// No goto from here on: the page must reload by itself, as the writer's open tab does.
	fs.appendFileSync(file, '\nA line added while the page is open.\n');
	await expect(page.locator('main')).toContainText('A line added while the page is open.', { timeout: 30_000 });
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Restart the fixture', 'title: Restart, edited'));
	await expect(page.locator('h1')).toHaveText('Restart, edited', { timeout: 30_000 });
	await expect(page.locator('main')).toContainText('Refuse uploads over 25 MB');
});
