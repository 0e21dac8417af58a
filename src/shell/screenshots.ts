/**
 * The README's screenshots, refreshed in one command from an existing build (it builds nothing):
 *
 *   node src/shell/screenshots.ts [--out src/shell/screenshots] [--dist dist] [--base /]
 *
 * Serves the build with the project's own static server (src/core/static-server.ts) and photographs it in the Chromium
 * the tests and the build use (src/core/browser.ts), so the pictures show what the tests test. The service worker is
 * blocked (the footer would show "Saving for offline use… 17 %", a different figure on every run) and every shot waits
 * for the network to settle, so two runs on the same build give the same pictures.
 *
 * The shots name pages and elements of this repository's handbook; a missing one fails with its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../core/browser.ts';
import { normaliseBase } from '../core/config.ts';
import { startStaticServer } from '../core/static-server.ts';

interface Shot {
	file: string;
	/** Page, relative to the site's base. */
	path: string;
	width: number;
	height: number;
	scheme: 'light' | 'dark';
	/** Photograph this element only, else the viewport. */
	element?: string;
	/** Scroll this element to the top of the viewport first. */
	scrollTo?: string;
}

export const SHOTS: Shot[] = [
	{ file: 'home-desktop.png', path: '', width: 1280, height: 800, scheme: 'light' },
	{ file: 'runbook-desktop.png', path: 'runbooks/rollback/', width: 1280, height: 800, scheme: 'light' },
	{ file: 'runbook-phone.png', path: 'runbooks/rollback/', width: 375, height: 800, scheme: 'light' },
	{
		file: 'runbook-phone-production.png',
		path: 'runbooks/rollback/?env=production',
		width: 375,
		height: 800,
		scheme: 'dark',
		scrollTo: '[id="4-roll-back-the-deployment"]',
	},
	{ file: 'card.png', path: 'cards/rollback/', width: 1280, height: 800, scheme: 'light', element: 'article.card' },
	{
		file: 'diagram-dark.png',
		path: 'runbooks/rollback/',
		width: 1280,
		height: 900,
		scheme: 'dark',
		element: 'figure.diagram',
	},
];

async function take(browser: Browser, origin: string, shot: Shot, out: string): Promise<void> {
	const context = await browser.newContext({
		viewport: { width: shot.width, height: shot.height },
		colorScheme: shot.scheme,
		serviceWorkers: 'block',
	});
	try {
		const page = await context.newPage();
		const response = await page.goto(new URL(shot.path, origin).href, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`${shot.file}: ${shot.path} answered ${response?.status()}`);
		if (shot.scrollTo) {
			const target = page.locator(shot.scrollTo).first();
			if (!(await target.count())) throw new Error(`${shot.file}: no ${shot.scrollTo} on ${shot.path}`);
			await target.evaluate((e) => e.scrollIntoView({ block: 'start' }));
		}
		// Late-loaded pieces (the contents highlight) and the environment's values settle.
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		const file = path.join(out, shot.file);
		if (shot.element) {
			const element = page.locator(shot.element).first();
			if (!(await element.count())) throw new Error(`${shot.file}: no ${shot.element} on ${shot.path}`);
			await element.screenshot({ path: file, animations: 'disabled' });
		} else {
			await page.screenshot({ path: file, animations: 'disabled' });
		}
		console.log(`${path.relative(process.cwd(), file)}  ${shot.width}×${shot.height} ${shot.scheme}  /${shot.path}`);
	} finally {
		await context.close();
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string', default: path.join(import.meta.dirname, 'screenshots') },
			dist: { type: 'string', default: process.env.OPSBOOK_OUT_DIR ?? 'dist' },
			base: { type: 'string', default: process.env.OPSBOOK_BASE ?? '/' },
		},
	});
	const dist = path.resolve(values.dist);
	if (!fs.existsSync(path.join(dist, 'index.html'))) {
		throw new Error(`no built site in ${dist}: run opsbook build first (this script builds nothing)`);
	}
	const out = path.resolve(values.out);
	fs.mkdirSync(out, { recursive: true });
	const server = await startStaticServer(dist, 0, normaliseBase(values.base));
	const browser = await launchBrowser();
	try {
		for (const shot of SHOTS) await take(browser, server.url, shot, out);
	} finally {
		await browser.close();
		await server.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
