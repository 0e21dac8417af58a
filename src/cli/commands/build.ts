/**
 * `opsbook build`: `astro build` into a staging folder beside the output folder, swapped into place only when every
 * step succeeded (pages, link check, search, card PDFs, offline files: all inside the integration). A failed build
 * never leaves a half-written site where the old one was.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
	acquireBuildLock,
	BuildLockedError,
	cleanStaleStaging,
	describeFsError,
	onInterrupt,
	stagingDirFor,
	swapInto,
} from '../../core/build-lock.ts';
import { packageRoot } from '../../core/package.ts';
import { displayPath } from '../../core/paths.ts';
import { parseCommandArgs, type Command } from '../args.ts';
import { loadProject } from '../project.ts';

const USAGE = `usage: opsbook build [--strict-review] [--public] [--wait] [--root <dir>]

Builds the site (pages, search index, card PDFs, service worker, offline download) into the output folder.
  --strict-review   documents past their review date fail the build
  --public          the public edition: no names, phone numbers or e-mail addresses
  --wait            when another build of the same output is running, wait for it instead of stopping
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

/** Runs a child process to its end without blocking the event loop, so Ctrl-C handlers can run meanwhile. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
	});
}

export const buildCommand: Command = {
	name: 'build',
	summary: 'build the site, atomically (pages, search, card PDFs, offline files)',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, {
			'strict-review': { type: 'boolean' },
			public: { type: 'boolean' },
			wait: { type: 'boolean' },
			root: { type: 'string' },
		});
		const root = path.resolve(typeof values.root === 'string' ? values.root : '.');
		const project = await loadProject(root);
		const target = project.outDir;
		const kept = () => (fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '');
		let release: () => void;
		try {
			release = await acquireBuildLock(target, { wait: values.wait === true });
		} catch (error) {
			if (!(error instanceof BuildLockedError)) throw error;
			console.error(`${error.message}. Wait for it, or run with --wait.`);
			return 1;
		}
		const staging = stagingDirFor(target);
		const cleanup = () => {
			fs.rmSync(staging, { recursive: true, force: true });
			release();
		};
		const unregister = onInterrupt(cleanup);
		try {
			for (const removed of cleanStaleStaging(target)) console.log(`build: removed ${displayPath(removed)}/ left by a build that died`);
			const started = performance.now();
			const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
			if (values['strict-review']) env.OPSBOOK_STRICT_REVIEW = '1';
			if (values.public) env.OPSBOOK_PUBLIC = '1';
			const status = await run(process.execPath, [astroBin(root), 'build', '--root', root, '--outDir', staging], { cwd: root, env });
			if (status !== 0) {
				console.error(`\nBuild failed.${kept()}`);
				return status;
			}
			try {
				swapInto(staging, target);
			} catch (error) {
				console.error(`\nBuild failed: ${describeFsError(error, target, { keptSite: displayPath(target) }).message}`);
				return 1;
			}
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			console.log(`\nSite built in ${displayPath(target)}/ (${seconds} s). Preview it with: opsbook preview`);
			return 0;
		} finally {
			unregister();
			cleanup();
		}
	},
};
