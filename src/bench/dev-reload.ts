/**
 * How long a writer waits under `opsbook dev` (issue #20, "Authoring"): the dev server runs on the generated
 * project, a Chromium page shows one document, and the document is saved with a new line several times; each figure
 * is the time from the save to the new line painted in the page (Astro's reload included).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions } from '../core/browser.ts';
import { startDev } from '../cli/dev-process.ts';

export interface DevReload {
	/** From starting `opsbook dev` to its first page served. */
	startMs: number;
	/** Each save to its line on the page. */
	reloadsMs: number[];
}

export async function measureDevReload(project: string, file: string, id: string, runs = 3): Promise<DevReload> {
	const started = performance.now();
	const server = await startDev(project, { timeoutMs: 600_000 });
	const browser = await chromium.launch(launchOptions());
	try {
		const { url } = server;
		const page = await browser.newPage();
		await page.goto(`${url}${id}/`, { timeout: 600_000 });
		const startMs = performance.now() - started;
		const reloadsMs: number[] = [];
		for (let i = 1; i <= runs; i++) {
			const marker = `Dev reload marker ${i} ${Date.now()}`;
			const saved = performance.now();
			fs.appendFileSync(file, `\n\n${marker}\n`);
			await page.waitForFunction((text) => document.body.innerText.includes(text), marker, { timeout: 60_000 });
			reloadsMs.push(performance.now() - saved);
			// Settle: the next save must not land inside this reload.
			await page.waitForTimeout(500);
		}
		return { startMs, reloadsMs };
	} finally {
		await browser.close();
		await server.stop();
	}
}
