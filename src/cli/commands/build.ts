/**
 * `opsbook build`: `astro build` into a staging folder beside the output folder, swapped into place only when every
 * step succeeded (pages, link check, search, card PDFs, offline files: all inside the integration). A failed build
 * never leaves a half-written site where the old one was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../core/package.ts';
import { displayPath } from '../../core/paths.ts';
import { parseCommandArgs, type Command } from '../args.ts';
import { loadProject } from '../project.ts';

const USAGE = `usage: opsbook build [--strict-review] [--public] [--root <dir>]

Builds the site (pages, search index, card PDFs, service worker, offline download) into the output folder.
  --strict-review   documents past their review date fail the build
  --public          the public edition: no names, phone numbers or e-mail addresses
  --root <dir>      the project folder (default: the current folder)`;

/** The Astro CLI of the project, else the one Opsbook depends on. */
export function astroBin(root: string): string {
	for (const from of [path.join(root, 'package.json'), path.join(packageRoot, 'package.json')]) {
		try {
			return path.join(path.dirname(createRequire(from).resolve('astro/package.json')), 'bin', 'astro.mjs');
		} catch {
			// not installed there: try the next
		}
	}
	throw new Error('Astro is not installed: run npm install');
}

export const buildCommand: Command = {
	name: 'build',
	summary: 'build the site, atomically (pages, search, card PDFs, offline files)',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, {
			'strict-review': { type: 'boolean' },
			public: { type: 'boolean' },
			root: { type: 'string' },
		});
		const root = path.resolve(typeof values.root === 'string' ? values.root : '.');
		const project = await loadProject(root);
		const target = project.outDir;
		const staging = `${target}.building-${process.pid}`;
		fs.rmSync(staging, { recursive: true, force: true });
		const started = performance.now();
		const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
		if (values['strict-review']) env.OPSBOOK_STRICT_REVIEW = '1';
		if (values.public) env.OPSBOOK_PUBLIC = '1';
		// The output folder is passed as OPSBOOK_OUT_DIR too, so the integration names the real one in messages.
		const result = spawnSync(process.execPath, [astroBin(root), 'build', '--root', root, '--outDir', staging], {
			cwd: root,
			stdio: 'inherit',
			env,
		});
		const kept = fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
		if (result.status !== 0) {
			fs.rmSync(staging, { recursive: true, force: true });
			console.error(`\nBuild failed.${kept}`);
			return result.status ?? 1;
		}
		// Swap: two renames on one file system; the old tree is removed only after the new one is in place.
		const old = `${target}.old-${process.pid}`;
		if (fs.existsSync(target)) fs.renameSync(target, old);
		fs.renameSync(staging, target);
		fs.rmSync(old, { recursive: true, force: true });
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`\nSite built in ${displayPath(target)}/ (${seconds} s). Preview it with: opsbook preview`);
		return 0;
	},
};
