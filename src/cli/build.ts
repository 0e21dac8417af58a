/**
 * `npm run build`: builds the site into a staging folder and swaps it into place only when everything succeeded,
 * so a failed build never leaves a half-written site where the old one was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { astroRoot, outDir, displayPath, repoRoot } from '../utils/project-paths.ts';
import { basePath } from '../utils/base-path.ts';
import { describeOffline, writeOfflineFiles } from '../utils/offline-build.ts';

const target = outDir();
const staging = `${target}.building-${process.pid}`;
const astroBin = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

fs.rmSync(staging, { recursive: true, force: true });
const started = performance.now();
// Opsbook's own flags become environment for the Astro process; the rest go to `astro build`.
const args = process.argv.slice(2);
const flags: Record<string, [string, string]> = { '--strict-review': ['OPSBOOK_STRICT_REVIEW', '1'], '--public': ['OPSBOOK_PUBLIC', '1'] };
const extraEnv = Object.fromEntries(args.filter((a) => flags[a]).map((a) => flags[a]!));
const root = astroRoot();
fs.mkdirSync(root, { recursive: true });
const result = spawnSync(process.execPath, [astroBin, 'build', '--config', path.relative(root, path.join(repoRoot, 'astro.config.ts')), ...args.filter((a) => !flags[a])], {
	// Astro resolves content module paths against the working directory; run it from its own root.
	cwd: root,
	stdio: 'inherit',
	env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, ...extraEnv, OPSBOOK_ROOT: repoRoot, OPSBOOK_STAGING_DIR: staging },
});

if (result.status !== 0) {
	fs.rmSync(staging, { recursive: true, force: true });
	const kept = fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
	console.error(`\nBuild failed.${kept}`);
	process.exit(result.status ?? 1);
}

// ── Card PDFs (src/cli/cards-pdf.ts): printed from the staged site through Chromium, before the offline step so the
// download carries them. No browser: one line and no PDFs. A card that does not fit its page fails the build.
const cardPdfs = spawnSync(process.execPath, [path.join(repoRoot, 'src', 'cli', 'cards-pdf.ts'), '--dir', staging, '--if-browser'], { stdio: 'inherit', env: { ...process.env, OPSBOOK_ROOT: repoRoot } });
if (cardPdfs.status !== 0) {
	fs.rmSync(staging, { recursive: true, force: true });
	const kept = fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
	console.error(`\nBuild failed while printing the quick-reference cards (see above).${kept}`);
	process.exit(1);
}

// ── Offline step (src/utils/offline-build.ts): service worker, precache manifest and the file:// download, written
// after Astro and every integration (pages, diagrams, search index) finished, so they cover the final site. Keep it
// the last step that writes into the staging folder: anything written later would be missing from the precache.
try {
	const offline = await writeOfflineFiles(staging, basePath());
	for (const warning of offline.warnings) console.warn(`offline: ${warning}`);
	console.log(describeOffline(offline.manifest));
} catch (error) {
	fs.rmSync(staging, { recursive: true, force: true });
	const kept = fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
	console.error(`\nBuild failed while writing the offline files: ${error instanceof Error ? error.message : String(error)}.${kept}`);
	process.exit(1);
}

// Swap: two renames on one filesystem; the old tree is removed only after the new one is in place.
const old = `${target}.old-${process.pid}`;
if (fs.existsSync(target)) fs.renameSync(target, old);
fs.renameSync(staging, target);
fs.rmSync(old, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const open = target === path.join(repoRoot, 'dist') ? `Open it with: npm run preview  (then http://localhost:4321${basePath()})` : 'Serve that folder with any static file server.';
console.log(`\nSite built in ${displayPath(target)}/ (${seconds} s). ${open}`);
