/** Bad content fails the build with a message naming the file and the line or field; good facts flow to pages. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, makeFixture } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';

test.describe.configure({ mode: 'serial' });

test('bad frontmatter fails the build naming the file and the field', () => {
	const dir = makeFixture('minimal');
	const file = path.join(dir, 'runbooks/deploy.mdx');
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reviewEvery: 90', 'reviewEvery: soon'));
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/runbooks\/deploy\.mdx:9 frontmatter field "reviewEvery"/);
	expect(fs.existsSync(build.outDir)).toBe(false);
});

test('an unknown fact key fails the build naming the file and line', () => {
	const dir = makeFixture('minimal');
	const file = path.join(dir, 'runbooks/deploy.mdx');
	fs.writeFileSync(
		file,
		fs.readFileSync(file, 'utf8').replace('{facts.limits.maxUploadSizeMB}', '{facts.limits.maxUploadSize}'),
	);
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/runbooks\/deploy\.mdx:17:\d+ fact: unknown fact "facts\.limits\.maxUploadSize"; did you mean "facts\.limits\.maxUploadSizeMB"\?/,
	);
});

test('an unknown fact inside a code block names the line of the command', () => {
	const dir = makeFixture('minimal');
	const file = path.join(dir, 'runbooks/deploy.mdx');
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{env.apiHost}', '{env.apiHostname}'));
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/runbooks\/deploy\.mdx:24:\d+ fact: unknown fact "env\.apiHostname"/);
});

test('changing a fact changes every page that uses it', async ({ page }) => {
	test.setTimeout(240_000); // two full builds
	const dir = makeFixture('minimal');
	const first = buildSite(dir);
	expect(first.status, first.output).toBe(0);
	let server = await startStaticServer(first.outDir);
	await page.goto(`${server.url}runbooks/deploy/`);
	await expect(page.getByText('Uploads are limited to')).toHaveText('Uploads are limited to 25 MB.');
	await server.close();

	const facts = path.join(dir, 'facts.yaml');
	fs.writeFileSync(
		facts,
		fs
			.readFileSync(facts, 'utf8')
			.replace('maxUploadSizeMB: 25', 'maxUploadSizeMB: 64')
			.replace('api.staging.fixture.example.com', 'api.stage2.fixture.example.com'),
	);
	const second = buildSite(dir);
	expect(second.status, second.output).toBe(0);
	server = await startStaticServer(second.outDir);
	await page.goto(`${server.url}runbooks/deploy/`);
	await expect(page.getByText('Uploads are limited to')).toHaveText('Uploads are limited to 64 MB.');
	await expect(page.locator('pre').first()).toContainText('curl -fsS https://api.stage2.fixture.example.com/healthz');
	await server.close();
});
