/**
 * How long a writer waits under `opsbook dev` (issue #20, "Authoring"): the dev server runs on the generated
 * project, a Chromium page shows one document, and the document is saved with a new line several times; each figure
 * is the time from the save to the new line painted in the page (Astro's reload included).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from '../core/browser.ts';
import { packageRoot } from '../core/package.ts';

export interface DevReload {
	/** From starting `opsbook dev` to its first page served. */
	startMs: number;
	/** Each save to its line on the page. */
	reloadsMs: number[];
}

export async function measureDevReload(project: string, file: string, id: string, runs = 3): Promise<DevReload> {
	const port = 4700 + Math.floor(Math.random() * 200);
	const started = performance.now();
	const server = spawn(
		process.execPath,
		[path.join(packageRoot, 'bin', 'opsbook.js'), 'dev', '--root', project, '--port', String(port)],
		{ cwd: project, detached: true, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
	);
	let output = '';
	const browser = await chromium.launch(launchOptions());
	try {
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`opsbook dev did not start:\n${output}`)), 600_000);
			const read = (chunk: Buffer) => {
				output += chunk.toString();
				const found = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/)/.exec(output);
				if (found) {
					clearTimeout(timer);
					resolve(found[1]!);
				}
			};
			server.stdout.on('data', read);
			server.stderr.on('data', read);
			server.on('exit', (code) => reject(new Error(`opsbook dev exited (${code}):\n${output}`)));
		});
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
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	}
}
