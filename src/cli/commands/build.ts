/**
 * `opsbook build`: `astro build` into a staging folder beside the output folder, swapped into place only when every
 * step succeeded (pages, link check, search, card PDFs, offline files: all inside the integration). A failed build
 * never leaves a half-written site where the old one was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
	acquireBuildLock,
	BuildLockedError,
	cleanStaleStaging,
	describeFsError,
	isAlive,
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

/**
 * Runs a child process to its end without blocking the event loop, so Ctrl-C handlers can run meanwhile. `started`
 * hands the child to the caller, whose interrupt handler must stop it before removing the folder it writes into.
 */
function run(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
	started: (child: ChildProcess) => void,
): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: 'inherit' });
		started(child);
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
	});
}

/**
 * Where Astro writes this build. Beside the output folder, so the final swap is a rename on one file system. Astro
 * itself moves files from its work folder under the project into the output (measured: EXDEV with an output on a
 * tmpfs), so when the output is on another file system than the project, the build stages inside the project and
 * swapInto() copies it next to the output before the atomic rename.
 */
function stagingFor(root: string, target: string): string {
	let parent = path.dirname(target);
	while (!fs.existsSync(parent) && path.dirname(parent) !== parent) parent = path.dirname(parent);
	if (fs.statSync(parent).dev === fs.statSync(root).dev) return stagingDirFor(target);
	const inProject = path.join(root, '.opsbook', 'staging');
	fs.mkdirSync(inProject, { recursive: true });
	cleanStaleStaging(path.join(inProject, 'site'));
	return stagingDirFor(path.join(inProject, 'site'));
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
		const kept = () =>
			fs.existsSync(target) ? ` The previous site in ${displayPath(target)}/ was left as it was.` : '';
		let release: () => void;
		try {
			release = await acquireBuildLock(target, { wait: values.wait === true });
		} catch (error) {
			if (!(error instanceof BuildLockedError)) throw error;
			console.error(`${error.message}. Wait for it, or run with --wait.`);
			return 1;
		}
		const staging = stagingFor(root, target);
		let astro: ChildProcess | undefined;
		const cleanup = () => {
			// A signal sent to this process alone (not the terminal's whole group) leaves Astro writing into staging:
			// stop it and wait until it is gone, or the folder would be written again after its removal.
			if (astro?.pid && astro.exitCode === null) {
				astro.kill('SIGKILL');
				const until = Date.now() + 5000;
				while (isAlive(astro.pid) && Date.now() < until)
					Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
			}
			fs.rmSync(staging, { recursive: true, force: true });
			release();
		};
		const unregister = onInterrupt(cleanup);
		try {
			for (const removed of cleanStaleStaging(target))
				console.log(`build: removed ${displayPath(removed)}/ left by a build that died`);
			const started = performance.now();
			const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
			if (values['strict-review']) env.OPSBOOK_STRICT_REVIEW = '1';
			if (values.public) env.OPSBOOK_PUBLIC = '1';
			const args = [astroBin(root), 'build', '--root', root, '--outDir', staging];
			const status = await run(process.execPath, args, { cwd: root, env }, (child) => (astro = child));
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
