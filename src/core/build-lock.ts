/**
 * Builds that cannot leak or collide (issue #22): one lock per output folder, staging beside the output folder, the
 * staging folders of dead builds removed by the next build, Ctrl-C cleaning up, an atomic swap, and file-system errors
 * that say which one they are.
 *
 * The order the build command uses (src/cli/build.ts):
 *   const release = await acquireBuildLock(out, { wait: flag('--wait') });
 *   cleanStaleStaging(out);                         // folders of builds that died (SIGKILL, power cut)
 *   const staging = stagingDirFor(out);
 *   const unregister = onInterrupt(() => { fs.rmSync(staging, { recursive: true, force: true }); release(); });
 *   … build into staging …
 *   swapInto(staging, out);
 *   unregister(); release();
 *
 * Everything here is synchronous except the waiting in acquireBuildLock, so the cleanup can run inside a signal
 * handler and right before process.exit().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
	pid: number;
	/** ISO 8601. */
	startedAt: string;
	host: string;
}

export interface AcquireOptions {
	/** Wait for the other build to finish instead of failing at once (default false). */
	wait?: boolean;
	/** Give up waiting after this long (default 30 minutes: longer than any build of this site). */
	timeoutMs?: number;
	/** How often to look at the lock while waiting (default 250 ms). */
	pollMs?: number;
}

/** Another build holds the lock. */
export class BuildLockedError extends Error {
	readonly holder: LockHolder;
	readonly lockFile: string;
	constructor(outDir: string, lockFile: string, holder: LockHolder, waitedMs?: number) {
		const where = holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
		const waited = waitedMs === undefined ? '' : `; waited ${Math.round(waitedMs / 1000)} s for it`;
		super(`another build of ${outDir} is running (${where}, started at ${holder.startedAt})${waited}`);
		this.name = 'BuildLockedError';
		this.holder = holder;
		this.lockFile = lockFile;
	}
}

/** The lock file beside the output folder: `<out>.lock`. */
export function lockFileFor(outDir: string): string {
	return `${trimDir(outDir)}.lock`;
}

/** The staging folder: beside the output folder (same parent, hence the same file system), `<out>.building-<pid>`. */
export function stagingDirFor(outDir: string, pid = process.pid): string {
	return `${trimDir(outDir)}.building-${pid}`;
}

function trimDir(dir: string): string {
	return path.resolve(dir);
}

/** Whether a process with this pid runs on this machine. EPERM: it exists but belongs to another user. */
export function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Take the lock of `outDir`, or fail with BuildLockedError, or (with `wait`) wait for it. A lock left by a dead
 * build on this host is taken over. A lock from another host (a shared file system) is never taken over: its pid
 * cannot be checked from here; remove `<out>.lock` by hand if that build is gone.
 * Returns `release`, idempotent and synchronous; it removes the lock file only while it is still this build's.
 */
export async function acquireBuildLock(outDir: string, options: AcquireOptions = {}): Promise<() => void> {
	const out = trimDir(outDir);
	const file = lockFileFor(out);
	const timeoutMs = options.timeoutMs ?? 30 * 60_000;
	const pollMs = options.pollMs ?? 250;
	const started = Date.now();
	const me: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), host: os.hostname() };
	const text = `${JSON.stringify(me)}\n`;
	for (;;) {
		const holder = tryCreate(file, text);
		if (holder === undefined) break;
		if (holder !== 'retry') {
			if (!options.wait) throw new BuildLockedError(out, file, holder);
			const waited = Date.now() - started;
			if (waited >= timeoutMs) throw new BuildLockedError(out, file, holder, waited);
		}
		await new Promise((resolve) => setTimeout(resolve, holder === 'retry' ? 20 : pollMs));
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		try {
			// Only our own lock: if it was removed by hand and another build took it, that one's stays.
			if (fs.readFileSync(file, 'utf8') === text) fs.unlinkSync(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	};
}

/**
 * One attempt. undefined: the lock is ours. A holder: someone else's, alive (or on another host). 'retry': the lock
 * was stale and removed, or is being written this very moment.
 */
function tryCreate(file: string, text: string): LockHolder | 'retry' | undefined {
	try {
		// `wx`: created only if it does not exist, atomically, on every local file system (and NFSv3+).
		fs.writeFileSync(file, text, { flag: 'wx' });
		return undefined;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	const holder = readHolder(file);
	if (holder === 'missing') return 'retry';
	if (holder === 'unreadable') {
		// Another build created the file and has not written it yet (a window of microseconds), or a build died in
		// that window: stale only once the file is older than a second.
		if (ageMs(file) > 1000) takeOver(file, undefined);
		return 'retry';
	}
	if (holder.host === os.hostname() && !isAlive(holder.pid)) {
		takeOver(file, holder);
		return 'retry';
	}
	return holder;
}

function readHolder(file: string): LockHolder | 'missing' | 'unreadable' {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
		throw error;
	}
	try {
		const data = JSON.parse(text) as Partial<LockHolder>;
		if (typeof data.pid === 'number' && typeof data.startedAt === 'string' && typeof data.host === 'string') {
			return { pid: data.pid, startedAt: data.startedAt, host: data.host };
		}
	} catch {
		// Fall through.
	}
	return 'unreadable';
}

function ageMs(file: string): number {
	try {
		return Date.now() - fs.statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

/**
 * Remove a stale lock so the next `wx` can create it. Two builds may find the same stale lock at once: a second,
 * short-lived `<lock>.takeover` file (also `wx`) lets only one of them look and remove, and it checks the lock is
 * still the stale one it saw, so neither can delete the fresh lock the other just made.
 */
function takeOver(file: string, stale: LockHolder | undefined): boolean {
	const guard = `${file}.takeover`;
	try {
		fs.writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// A taker that died in the middle leaves its guard: removed when its pid is gone.
		const pid = Number.parseInt(readText(guard), 10);
		if (!isAlive(pid) && ageMs(guard) > 1000) fs.rmSync(guard, { force: true });
		return false;
	}
	try {
		const now = readHolder(file);
		const same =
			stale === undefined
				? now === 'unreadable'
				: typeof now === 'object' && now.pid === stale.pid && now.startedAt === stale.startedAt;
		if (same) fs.rmSync(file, { force: true });
		return same;
	} finally {
		fs.rmSync(guard, { force: true });
	}
}

function readText(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/**
 * Remove `<out>.building-<pid>` and `<out>.old-<pid>` folders (and `…-copy` ones from swapInto's fallback) whose
 * build is dead: interrupted by SIGKILL, a crash or a power cut, they would otherwise stay for ever. A folder whose
 * pid is alive is left alone (a build of an older version, without the lock, may be using it). A pid reused by an
 * unrelated process keeps its folder until that process ends: harmless, and the lock makes it rare.
 * Returns the paths removed.
 */
export function cleanStaleStaging(outDir: string): string[] {
	const out = trimDir(outDir);
	const parent = path.dirname(out);
	const base = path.basename(out);
	const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:building|old)-(\\d+)(?:-copy)?$`);
	let names: string[];
	try {
		names = fs.readdirSync(parent);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const removed: string[] = [];
	for (const name of names) {
		const pid = pattern.exec(name)?.[1];
		if (pid === undefined || isAlive(Number(pid))) continue;
		const full = path.join(parent, name);
		fs.rmSync(full, { recursive: true, force: true });
		removed.push(full);
	}
	return removed;
}

export interface SwapResult {
	/** There was a previous site, and it was replaced. */
	replaced: boolean;
	/** The staging folder was on another file system and had to be copied next to the output first. */
	copied: boolean;
}

/**
 * Put `staging` in place of `outDir`: rename the old site aside (`<out>.old-<pid>`), rename the new one in, then
 * remove the old one. Each rename is atomic; between the two, `outDir` does not exist for a moment (a static server
 * answers 404 for microseconds), and a failure of the second rename puts the old site back.
 *
 * EXDEV (staging on another file system than the output: it cannot happen with stagingDirFor(), but can when a
 * caller stages elsewhere) falls back to copying the staging folder next to the output (`<out>.building-<pid>-copy`,
 * so an interrupted copy is cleaned by cleanStaleStaging) and renaming from there: slower, still atomic.
 * An output folder that is itself a mount point cannot be renamed at all (EBUSY): that is reported as such.
 */
export function swapInto(staging: string, outDir: string): SwapResult {
	const out = trimDir(outDir);
	const old = `${out}.old-${process.pid}`;
	fs.rmSync(old, { recursive: true, force: true });
	let source = path.resolve(staging);
	let copied = false;
	if (!sameFileSystem(source, path.dirname(out))) {
		source = copyBeside(source, out);
		copied = true;
	}
	let replaced = false;
	try {
		fs.renameSync(out, old);
		replaced = true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EBUSY') throw mountPointError(out, error);
		if (code !== 'ENOENT') throw error;
	}
	try {
		fs.renameSync(source, out);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EXDEV' && !copied) {
			// The device check said otherwise (bind mounts can): copy, then the same rename.
			source = copyBeside(source, out);
			copied = true;
			try {
				fs.renameSync(source, out);
			} catch (again) {
				if (replaced) fs.renameSync(old, out);
				throw again;
			}
		} else {
			if (replaced) fs.renameSync(old, out);
			throw error;
		}
	}
	if (copied) fs.rmSync(staging, { recursive: true, force: true });
	fs.rmSync(old, { recursive: true, force: true });
	return { replaced, copied };
}

function sameFileSystem(a: string, b: string): boolean {
	try {
		return fs.statSync(a).dev === fs.statSync(b).dev;
	} catch {
		// The parent does not exist yet: the rename will say what is wrong.
		return true;
	}
}

function copyBeside(source: string, out: string): string {
	const near = `${out}.building-${process.pid}-copy`;
	fs.rmSync(near, { recursive: true, force: true });
	fs.cpSync(source, near, { recursive: true, preserveTimestamps: true });
	return near;
}

function mountPointError(out: string, cause: unknown): Error {
	return new Error(
		`${out} is a mount point, so the new site cannot be renamed into its place; ` +
			`set the output to a folder inside it (for example ${path.join(out, 'site')})`,
		{ cause },
	);
}

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * On SIGINT (Ctrl-C), SIGTERM or SIGHUP: run `cleanup` (synchronously: remove the staging folder, release the
 * lock), then exit with 128 + the signal's number (130, 143, 129), as a shell reports a process killed by it.
 * A second signal during the cleanup is ignored; a throwing cleanup is reported and the exit still happens.
 * Returns a function that removes the handlers. SIGKILL cannot be caught: cleanStaleStaging() is for that case.
 *
 * Note for callers: a handler runs only while the event loop runs. spawnSync() blocks it, so a build that runs
 * Astro with spawnSync handles a signal only after the child ends (Ctrl-C reaches the child too, via the terminal's
 * process group; a `kill` of the parent alone waits for the whole child). Use spawn() and await its end.
 */
export function onInterrupt(
	cleanup: () => void,
	exit: (code: number) => void = (code) => process.exit(code),
): () => void {
	let running = false;
	const handlers = (Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>).map((signal) => {
		const handler = () => {
			if (running) return;
			running = true;
			try {
				cleanup();
			} catch (error) {
				console.error(`cleanup after ${signal} failed: ${error instanceof Error ? error.message : String(error)}`);
			}
			exit(SIGNAL_EXIT[signal]);
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
	};
}

const FS_PROBLEMS: Record<string, string> = {
	ENOSPC: 'the disk is full (ENOSPC)',
	EDQUOT: 'the disk quota is used up (EDQUOT)',
	EACCES: 'permission denied (EACCES)',
	EPERM: 'the operation is not permitted (EPERM)',
	EROFS: 'the file system is read-only (EROFS)',
	EMFILE: 'too many files are open (EMFILE; raise the limit with `ulimit -n`)',
	ENFILE: 'the system has too many files open (ENFILE)',
};

const DOING: Record<string, string> = {
	open: 'writing',
	write: 'writing',
	copyfile: 'copying',
	cp: 'copying',
	mkdir: 'creating',
	rename: 'moving',
	unlink: 'removing',
	rmdir: 'removing',
	rm: 'removing',
	scandir: 'reading',
	read: 'reading',
	stat: 'reading',
	lstat: 'reading',
};

export interface DescribeOptions {
	/** The output folder whose previous site was kept, for the end of the sentence. */
	keptSite?: string;
}

/**
 * A file-system error as a sentence that says which one it is and where:
 * "the disk is full (ENOSPC) while writing dist.building-123/x.html; the previous site in dist/ was kept".
 * The original error is the `cause`. Errors without one of the codes above keep their own message.
 */
export function describeFsError(error: unknown, file: string, options: DescribeOptions = {}): Error {
	const e = error as NodeJS.ErrnoException;
	const code = typeof e?.code === 'string' ? e.code : undefined;
	const what = code ? FS_PROBLEMS[code] : undefined;
	const kept = options.keptSite ? `; the previous site in ${options.keptSite.replace(/\/?$/, '/')} was kept` : '';
	const doing = (typeof e?.syscall === 'string' && DOING[e.syscall]) || 'writing';
	const message = what
		? `${what} while ${doing} ${file}${kept}`
		: `${error instanceof Error ? error.message : String(error)} (${file})${kept}`;
	const described = new Error(message, { cause: error });
	if (code) (described as NodeJS.ErrnoException).code = code;
	return described;
}
