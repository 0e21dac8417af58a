import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	acquireBuildLock,
	BuildLockedError,
	cleanStaleStaging,
	describeFsError,
	isAlive,
	lockFileFor,
	onInterrupt,
	stagingDirFor,
	swapInto,
} from '../../../src/core/build-lock.ts';

const MODULE = path.resolve(import.meta.dirname, '../../../src/core/build-lock.ts');

/** Temporary folders made by this file, removed at the end. */
const temporary: string[] = [];
after(() => {
	for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});
function made(dir: string): string {
	temporary.push(dir);
	return dir;
}

function tempOut(): string {
	const dir = made(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-lock-')));
	return path.join(dir, 'dist');
}

/** The pid of a process that has exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
		encoding: 'utf8',
	});
	const pid = Number(child.stdout);
	assert.ok(pid > 0 && !isAlive(pid));
	return pid;
}

test('a second build fails at once, naming the output, the pid and the start time', async () => {
	const out = tempOut();
	const release = await acquireBuildLock(out);
	const holder = JSON.parse(fs.readFileSync(lockFileFor(out), 'utf8')) as { pid: number; startedAt: string };
	assert.equal(holder.pid, process.pid);
	await assert.rejects(acquireBuildLock(out), (error: unknown) => {
		assert.ok(error instanceof BuildLockedError);
		assert.equal(
			error.message,
			`another build of ${out} is running (pid ${process.pid}, started at ${holder.startedAt})`,
		);
		assert.match(holder.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		return true;
	});
	release();
	release();
	assert.equal(fs.existsSync(lockFileFor(out)), false, 'released once, idempotent');
	const again = await acquireBuildLock(out);
	again();
});

test('with wait, the second build starts when the first releases', async () => {
	const out = tempOut();
	const release = await acquireBuildLock(out);
	const started = Date.now();
	setTimeout(release, 300);
	const second = await acquireBuildLock(out, { wait: true, pollMs: 20 });
	assert.ok(Date.now() - started >= 280, `waited ${Date.now() - started} ms`);
	second();
});

test('waiting gives up after timeoutMs, saying how long it waited', async () => {
	const out = tempOut();
	const release = await acquireBuildLock(out);
	await assert.rejects(acquireBuildLock(out, { wait: true, timeoutMs: 200, pollMs: 20 }), /is running .*; waited 0 s/);
	release();
});

test('a lock left by a dead build on this host is taken over; one from another host is not', async () => {
	const out = tempOut();
	const pid = deadPid();
	const stale = { pid, startedAt: '2026-01-01T00:00:00.000Z', host: os.hostname() };
	fs.writeFileSync(lockFileFor(out), JSON.stringify(stale));
	const release = await acquireBuildLock(out);
	assert.equal(JSON.parse(fs.readFileSync(lockFileFor(out), 'utf8')).pid, process.pid);
	release();

	fs.writeFileSync(lockFileFor(out), JSON.stringify({ ...stale, host: 'build-box-2' }));
	await assert.rejects(acquireBuildLock(out), /another build of .* is running \(pid \d+ on build-box-2, started at/);
});

test('builds racing for one stale lock: exactly one gets it', async () => {
	const out = tempOut();
	fs.writeFileSync(lockFileFor(out), JSON.stringify({ pid: deadPid(), startedAt: 'x', host: os.hostname() }));
	const script = [
		`import { acquireBuildLock } from ${JSON.stringify(MODULE)};`,
		`try { const release = await acquireBuildLock(${JSON.stringify(out)}); console.log('got');`,
		`setTimeout(release, 1500); } catch { console.log('busy'); }`,
	].join('\n');
	const runs = Array.from({ length: 4 }, () => {
		const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		return new Promise<string>((resolve) => child.once('exit', () => resolve(text.trim())));
	});
	const results = await Promise.all(runs);
	assert.deepEqual(results.filter((r) => r === 'got').length, 1, results.join(','));
	assert.deepEqual(results.filter((r) => r === 'busy').length, 3, results.join(','));
});

test('a lock file that is empty or garbage for over a second is taken over', async () => {
	const out = tempOut();
	fs.writeFileSync(lockFileFor(out), '');
	const old = new Date(Date.now() - 5000);
	fs.utimesSync(lockFileFor(out), old, old);
	const release = await acquireBuildLock(out);
	release();
});

test("release never removes a lock that is no longer this build's", async () => {
	const out = tempOut();
	const release = await acquireBuildLock(out);
	const other = JSON.stringify({ pid: 1, startedAt: 'x', host: os.hostname() });
	fs.writeFileSync(lockFileFor(out), other);
	release();
	assert.equal(fs.readFileSync(lockFileFor(out), 'utf8'), other);
});

test("staging folders of dead builds are removed; a live build's and other outputs' are kept", () => {
	const out = tempOut();
	const parent = path.dirname(out);
	const dead = deadPid();
	const make = (name: string) => {
		fs.mkdirSync(path.join(parent, name, 'sub'), { recursive: true });
		fs.writeFileSync(path.join(parent, name, 'sub', 'index.html'), 'x');
		return path.join(parent, name);
	};
	const deadBuilding = make(`dist.building-${dead}`);
	const deadOld = make(`dist.old-${dead}`);
	const deadCopy = make(`dist.building-${dead}-copy`);
	const live = make(`dist.building-${process.pid}`);
	const otherOutput = make(`site.building-${dead}`);
	const lookalike = make(`dist.building-${dead}x`);
	assert.deepEqual(cleanStaleStaging(out).sort(), [deadBuilding, deadCopy, deadOld].sort());
	for (const kept of [live, otherOutput, lookalike]) assert.ok(fs.existsSync(kept), kept);
	assert.deepEqual(cleanStaleStaging(path.join(parent, 'missing', 'dist')), []);
});

test('staging is beside the output folder', () => {
	assert.equal(stagingDirFor('/srv/www/ops/', 42), '/srv/www/ops.building-42');
	assert.equal(path.dirname(stagingDirFor('/srv/www/ops')), '/srv/www');
});

test('swap: the new site replaces the old one, and nothing is left beside it', () => {
	const out = tempOut();
	fs.mkdirSync(out);
	fs.writeFileSync(path.join(out, 'old.html'), 'old');
	const staging = stagingDirFor(out);
	fs.mkdirSync(path.join(staging, 'a'), { recursive: true });
	fs.writeFileSync(path.join(staging, 'a', 'index.html'), 'new');
	assert.deepEqual(swapInto(staging, out), { replaced: true, copied: false });
	assert.deepEqual(fs.readdirSync(out), ['a']);
	assert.equal(fs.readFileSync(path.join(out, 'a', 'index.html'), 'utf8'), 'new');
	assert.deepEqual(fs.readdirSync(path.dirname(out)), ['dist']);

	const first = tempOut();
	const firstStaging = stagingDirFor(first);
	fs.mkdirSync(firstStaging);
	assert.deepEqual(swapInto(firstStaging, first), { replaced: false, copied: false });
	assert.ok(fs.statSync(first).isDirectory());
});

test('swap: staging on another file system is copied beside the output, then renamed (EXDEV)', (t) => {
	const shm = '/dev/shm';
	if (!fs.existsSync(shm) || fs.statSync(shm).dev === fs.statSync(os.tmpdir()).dev) {
		t.skip('no second file system here');
		return;
	}
	const out = tempOut();
	fs.mkdirSync(out);
	fs.writeFileSync(path.join(out, 'old.html'), 'old');
	const staging = fs.mkdtempSync(path.join(shm, 'opsbook-staging-'));
	fs.writeFileSync(path.join(staging, 'index.html'), 'new');
	assert.deepEqual(swapInto(staging, out), { replaced: true, copied: true });
	assert.deepEqual(fs.readdirSync(out), ['index.html']);
	assert.equal(fs.existsSync(staging), false, 'the copied staging folder is removed');
	assert.deepEqual(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('SIGINT during a build removes its staging folder, releases the lock and exits with 130', async () => {
	const out = tempOut();
	const script = path.join(path.dirname(out), 'build.ts');
	fs.writeFileSync(
		script,
		[
			`import fs from 'node:fs';`,
			`import { acquireBuildLock, onInterrupt, stagingDirFor } from ${JSON.stringify(MODULE)};`,
			`const out = ${JSON.stringify(out)};`,
			`const release = await acquireBuildLock(out);`,
			`const staging = stagingDirFor(out);`,
			`fs.mkdirSync(staging + '/deep/er', { recursive: true });`,
			`fs.writeFileSync(staging + '/deep/er/index.html', 'half');`,
			`onInterrupt(() => { fs.rmSync(staging, { recursive: true, force: true }); release(); });`,
			`console.log('ready ' + staging);`,
			`setInterval(() => {}, 1000);`,
		].join('\n'),
	);
	const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const staging = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const m = /ready (\S+)/.exec(text);
			if (m) resolve(m[1]!);
		});
		child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
	});
	assert.ok(fs.existsSync(staging));
	assert.ok(fs.existsSync(lockFileFor(out)));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	child.kill('SIGINT');
	assert.equal(await exited, 130);
	assert.equal(fs.existsSync(staging), false, 'staging removed');
	assert.equal(fs.existsSync(lockFileFor(out)), false, 'lock released');
});

test('onInterrupt: exit codes per signal, cleanup once, unregister removes the handlers', () => {
	const codes: number[] = [];
	let cleaned = 0;
	const before = process.listenerCount('SIGTERM');
	const unregister = onInterrupt(
		() => cleaned++,
		(code) => codes.push(code),
	);
	assert.equal(process.listenerCount('SIGTERM'), before + 1);
	process.emit('SIGTERM', 'SIGTERM');
	process.emit('SIGINT', 'SIGINT');
	assert.deepEqual(codes, [143]);
	assert.equal(cleaned, 1, 'a second signal during or after the cleanup does not run it again');
	unregister();
	assert.equal(process.listenerCount('SIGTERM'), before);

	const hup: number[] = [];
	const off = onInterrupt(
		() => {
			throw new Error('boom');
		},
		(code) => hup.push(code),
	);
	const error = console.error;
	console.error = () => {};
	try {
		process.emit('SIGHUP', 'SIGHUP');
	} finally {
		console.error = error;
		off();
	}
	assert.deepEqual(hup, [129], 'a failing cleanup still exits');
});

test('file-system errors say which one they are and where, keeping the cause', () => {
	const cases: Array<[string, string, RegExp]> = [
		[
			'ENOSPC',
			'write',
			/^the disk is full \(ENOSPC\) while writing dist\.building-1\/x\.html; the previous site in dist\/ was kept$/,
		],
		['EDQUOT', 'write', /^the disk quota is used up \(EDQUOT\) while writing /],
		['EACCES', 'open', /^permission denied \(EACCES\) while writing /],
		['EPERM', 'rename', /^the operation is not permitted \(EPERM\) while moving /],
		['EROFS', 'mkdir', /^the file system is read-only \(EROFS\) while creating /],
		['EMFILE', 'open', /^too many files are open \(EMFILE; raise the limit with `ulimit -n`\) while writing /],
	];
	for (const [code, syscall, expected] of cases) {
		const cause = Object.assign(new Error(`${code}: raw message`), { code, syscall });
		const described = describeFsError(cause, 'dist.building-1/x.html', { keptSite: 'dist' });
		assert.match(described.message, expected);
		assert.equal(described.cause, cause);
		assert.equal((described as NodeJS.ErrnoException).code, code);
	}
	const other = describeFsError(new Error('something else'), 'a/b');
	assert.equal(other.message, 'something else (a/b)');
});

test('a real permission error reads as such', (t) => {
	if (process.getuid?.() === 0) {
		t.skip('root may write anywhere');
		return;
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-ro-'));
	fs.chmodSync(dir, 0o500);
	try {
		fs.writeFileSync(path.join(dir, 'x'), 'x');
		assert.fail('writable');
	} catch (error) {
		assert.match(describeFsError(error, path.join(dir, 'x')).message, /^permission denied \(EACCES\) while writing /);
	} finally {
		fs.chmodSync(dir, 0o700);
	}
});
