/**
 * Opsbook as an installed package (issue #16): `npm pack`, then in an empty folder outside this repository
 * `npm install <tarball>`, `npx opsbook init` and `npx opsbook build`, with nothing copied from the repository by
 * hand. The built site must have working search, a rendered diagram, a card PDF and a service worker.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/core/search-bundle.ts';

test.describe.configure({ mode: 'serial' });

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_audit: 'false', npm_config_fund: 'false' },
		maxBuffer: 64 * 1024 * 1024,
	});
	const output = `${result.stdout}\n${result.stderr}`;
	expect(result.status, `${command} ${args.join(' ')} in ${cwd}\n${output.slice(-6000)}`).toBe(0);
	return output;
}

test('npm pack, install, init and build: the installed package builds a complete site', async ({ page }) => {
	test.setTimeout(900_000);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-package-'));
	try {
		run('npm', ['pack', '--pack-destination', work, '--silent'], repoRoot);
		const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
		expect(tarball, 'npm pack wrote a tarball').toBeTruthy();
		expect(fs.existsSync(path.join(repoRoot, 'lib')), 'postpack removes the compiled CLI from the checkout').toBe(
			false,
		);

		const site = path.join(work, 'site');
		fs.mkdirSync(site);
		run('npm', ['install', path.join(work, tarball!)], site);
		const installed = path.join(site, 'node_modules', 'opsbook');
		expect(fs.lstatSync(installed).isSymbolicLink(), 'a real install, not a link to the checkout').toBe(false);
		expect(fs.existsSync(path.join(installed, 'lib', 'cli.js')), 'the CLI ships compiled to JavaScript').toBe(true);

		const init = run('npx', ['opsbook', 'init'], site);
		expect(init).toContain('wrote astro.config.ts');
		expect(fs.readFileSync(path.join(site, 'astro.config.ts'), 'utf8')).toContain("from 'opsbook'");
		expect(JSON.parse(fs.readFileSync(path.join(site, 'package.json'), 'utf8')).dependencies.opsbook).toBeTruthy();

		const build = run('npx', ['opsbook', 'build'], site);
		expect(build).toMatch(/diagrams: 1 rendered/);
		const dist = path.join(site, 'dist');
		expect(fs.existsSync(path.join(dist, 'sw.js')), 'service worker').toBe(true);
		expect(fs.existsSync(path.join(dist, 'cards', 'pdf', 'restart-service-index.pdf')), 'card PDF').toBe(true);
		expect(fs.existsSync(path.join(dist, SEARCH_BUNDLE_DIR, 'pagefind.js')), 'search index').toBe(true);

		const server = await startStaticServer(dist, 0, '/');
		try {
			await page.goto(`${server.url}runbooks/restart-service/`);
			await expect(page.locator('figure.diagram svg').first(), 'the diagram is drawn on the page').toBeVisible();
			await page.goto(`${server.url}search/?q=rolling`);
			const results = page.locator('#page-search-listbox').getByRole('option');
			await expect(results.first()).toBeVisible();
			// The best hit is a section of the runbook that says "rolling" (its text, not its title, is shown).
			await expect(results.first()).toHaveAttribute('href', /^\/runbooks\/restart-service\//);
		} finally {
			await server.close();
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
});
