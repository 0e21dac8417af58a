/**
 * `opsbook dev` run as a child process, for the tests and the benchmark that need a live dev server: a free port,
 * its own process group (the command runs Astro as a child, and both must stop together), ready once it answers.
 */
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { packageRoot } from '../core/package.ts';

export interface DevProcess {
	/** The site's address, ending in "/". */
	url: string;
	/** What the server printed so far. */
	output(): string;
	/** Stops the command and the Astro server it started, and waits for the exit. */
	stop(): Promise<void>;
}

export async function startDev(
	project: string,
	{ env = {}, timeoutMs = 240_000 }: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<DevProcess> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[path.join(packageRoot, 'bin', 'opsbook.js'), 'dev', '--root', project, '--port', String(port)],
		{
			cwd: project,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		},
	);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const stop = async () => {
		if (child.exitCode !== null || child.pid === undefined) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		process.kill(-child.pid, 'SIGTERM');
		await Promise.race([exited, sleep(5_000)]);
		try {
			// Whatever of the group did not stop on SIGTERM (the group is gone when everything did: ESRCH).
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
	};
	const url = `http://localhost:${port}/`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`opsbook dev exited with ${child.exitCode}:\n${output}`);
		if (
			await fetch(url).then(
				() => true,
				() => false,
			)
		)
			return { url, output: () => output, stop };
		await sleep(250);
	}
	await stop();
	throw new Error(`opsbook dev did not answer on ${url}:\n${output}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
