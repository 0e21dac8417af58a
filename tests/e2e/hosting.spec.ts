/**
 * Safe output: the site requests nothing from other origins and violates none of its own Content-Security-Policy;
 * the public edition carries no personal contact details; a sub-path build keeps every link inside the sub-path.
 */
import { siteOutDir } from '../support/site.ts';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { buildSite, makeFixture } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/core/search-bundle.ts';
import { builtFiles, pagePathOf } from '../../src/core/site-files.ts';

/** Site paths of the built pages (folders with an index.html), with the base. */
function htmlPagesOf(root: string, base = '/'): string[] {
	return builtFiles(root, { ext: '.html', skip: [SEARCH_BUNDLE_DIR] })
		.filter((f) => path.posix.basename(f) === 'index.html')
		.map((f) => pagePathOf(f, base));
}

/** Open a page and collect what must never happen: other-origin requests, CSP violations, failed loads. */
async function visit(page: Page, url: string) {
	const problems: string[] = [];
	const origin = new URL(url).origin;
	const onRequest = (r: { url(): string }) => {
		const u = new URL(r.url());
		if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) problems.push(`request to ${u.href}`);
	};
	const onConsole = (m: { type(): string; text(): string }) => {
		if (/Content.Security.Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
	};
	page.on('request', onRequest);
	page.on('console', onConsole);
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	expect(response?.status(), url).toBe(200);
	page.off('request', onRequest);
	page.off('console', onConsole);
	return problems;
}

test('no page requests another origin or violates its Content-Security-Policy', async ({ page, baseURL }) => {
	test.setTimeout(300_000);
	const pages = htmlPagesOf(siteOutDir);
	expect(pages.length).toBeGreaterThan(20);
	const problems: string[] = [];
	for (const p of pages)
		problems.push(...(await visit(page, new URL(p.slice(1), baseURL).href)).map((x) => `${p}: ${x}`));
	expect(problems).toEqual([]);
});

test('every page carries a Content-Security-Policy that forbids inline script without a hash', async ({ page }) => {
	await page.goto('runbooks/deployment/');
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(csp).toMatch(/default-src 'self'/);
	expect(csp).toMatch(/script-src 'self'[^;]*'sha256-/);
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
});

test('the public edition leaves out names, phone numbers and e-mail addresses', async () => {
	const dir = makeFixture('minimal');
	const build = buildSite(dir, undefined, { OPSBOOK_PUBLIC: '1' });
	expect(build.status, build.output).toBe(0);
	const html = htmlPagesOf(build.outDir)
		.map((p) => fs.readFileSync(path.join(build.outDir, p, 'index.html'), 'utf8'))
		.join('\n');
	expect(html).toContain('On-call engineer');
	for (const secret of ['Pat Doe', '555-0142', 'pat@example.com']) expect(html, secret).not.toContain(secret);

	const internal = buildSite(dir, `${build.outDir}-internal`);
	expect(internal.status, internal.output).toBe(0);
	expect(fs.readFileSync(path.join(internal.outDir, 'procedures/escalate/index.html'), 'utf8')).toContain('555-0142');
});

test('under a sub-path every link, asset and alert route stays inside it', async ({ page }) => {
	test.setTimeout(300_000);
	const dir = makeFixture('minimal');
	const build = buildSite(dir, undefined, { OPSBOOK_BASE: '/ops/' });
	expect(build.status, build.output).toBe(0);
	const server = await startStaticServer(build.outDir, 0, '/ops/');
	try {
		const failures: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
		});
		// Alert routes redirect at once (meta refresh); they are checked on their own below.
		for (const p of htmlPagesOf(build.outDir, '/ops/').filter((x) => !/\/alerts\/[A-Z]/.test(x))) {
			await page.goto(`http://127.0.0.1:${server.port}${p}`);
			const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			for (const href of links.filter((h) => h.startsWith('/')))
				expect(href, `${p} links to ${href}`).toMatch(/^\/ops\//);
		}
		await page.goto(`http://127.0.0.1:${server.port}/ops/alerts/FixtureApiDown/`);
		await expect(page).toHaveURL(/\/ops\/runbooks\/deploy\/#fixtureapidown$/);
		expect(failures).toEqual([]);
	} finally {
		await server.close();
	}
});
