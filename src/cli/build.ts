/**
 * `npm run build`: builds the site into a staging folder and swaps it into place only when everything succeeded,
 * so a failed build never leaves a half-written site where the old one was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { outDir, displayPath, repoRoot } from '../utils/project-paths.ts';

const target = outDir();
const staging = `${target}.building-${process.pid}`;
const astroBin = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

fs.rmSync(staging, { recursive: true, force: true });
const started = performance.now();
const result = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
	cwd: repoRoot,
	stdio: 'inherit',
	env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, OPSBOOK_OUT_DIR: staging },
});

if (result.status !== 0) {
	fs.rmSync(staging, { recursive: true, force: true });
	const kept = fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
	console.error(`\nBuild failed.${kept}`);
	process.exit(result.status ?? 1);
}

// Swap: two renames on one filesystem; the old tree is removed only after the new one is in place.
const old = `${target}.old-${process.pid}`;
if (fs.existsSync(target)) fs.renameSync(target, old);
fs.renameSync(staging, target);
fs.rmSync(old, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nSite built in ${displayPath(target)}/ (${seconds} s). Open it with: npm run preview  (then http://localhost:4321${process.env.OPSBOOK_BASE ?? '/'})`);
