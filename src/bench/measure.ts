/**
 * Measuring a child process tree on Linux: wall time, CPU time (user + system of the whole tree, from the kernel's
 * accounting of waited-for children) and peak resident memory (sum over the tree, sampled every 50 ms). Each line of
 * output is stamped with the time it arrived: Astro's log stamps only whole seconds, too coarse for phases of 1-3 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface RunResult {
	status: number | null;
	wallMs: number;
	cpuMs: number;
	peakRssBytes: number;
	/** The highest PSS of the tree, and by program at that moment (see treePss). */
	peakPss: MemorySample;
	output: string;
	/** The output again, each line prefixed with its arrival time in seconds since the start (src/bench/phases.ts). */
	timedOutput: string;
}

/** `  12.345 | text`: the form parseTimedLog() reads. */
export const timedLine = (ms: number, text: string) => `${(ms / 1000).toFixed(3).padStart(8)} | ${text}`;

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** User + system time of every child this process has waited for (fields cutime, cstime of /proc/self/stat). */
function childrenCpuMs(): number {
	const stat = fs.readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Every process of the tree under `pid`: children of every thread (Chromium starts its helpers from several). */
function treePids(pid: number): number[] {
	const out: number[] = [];
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop()!;
		out.push(p);
		try {
			for (const task of fs.readdirSync(`/proc/${p}/task`)) {
				const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(' ').map(Number));
			}
		} catch {
			// The process ended between listing and reading: nothing under it.
		}
	}
	return out;
}

/** KiB field of a /proc file, in bytes; 0 when the process has ended. */
function procBytes(file: string, field: RegExp): number {
	try {
		return Number(field.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? 0) * 1024;
	} catch {
		return 0;
	}
}

function treeRss(pid: number): number {
	return treePids(pid).reduce((sum, p) => sum + procBytes(`/proc/${p}/status`, /VmRSS:\s+(\d+)/), 0);
}

export interface MemorySample {
	/** Proportional set size of the tree: each shared page divided among the processes that map it. */
	pssBytes: number;
	/** The same by program (node, chromium, pagefind_extended): what holds the memory at the peak. */
	byProgram: Record<string, number>;
}

/**
 * PSS of the tree. The RSS sum counts a page shared by N processes N times: Chromium's ten processes share its
 * binary and fonts, and at 1000 documents their RSS summed to 1.36 GB while the machine's used memory rose by 0.3 GB.
 * Reading smaps_rollup walks each process's memory map, so this is sampled ten times less often than RSS.
 */
function treePss(pid: number): MemorySample {
	const byProgram: Record<string, number> = {};
	let pssBytes = 0;
	for (const p of treePids(pid)) {
		const pss = procBytes(`/proc/${p}/smaps_rollup`, /^Pss:\s+(\d+)/m);
		let name = 'unknown';
		try {
			name = fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim();
		} catch {}
		// Node names its main thread "MainThread" in comm: the process is node.
		if (name === 'MainThread') name = 'node';
		byProgram[name] = (byProgram[name] ?? 0) + pss;
		pssBytes += pss;
	}
	return { pssBytes, byProgram };
}

/** `spawned` hands the child to the caller, which may stop it (the benchmark does on Ctrl-C). */
export function runMeasured(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	spawned?: (child: ChildProcess) => void,
): Promise<RunResult> {
	return new Promise((resolve) => {
		const cpuBefore = childrenCpuMs();
		const started = performance.now();
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		spawned?.(child);
		let output = '';
		let partial = '';
		const timed: string[] = [];
		// Writes to a pipe are synchronous in Node on Linux, so a line arrives when the build logs it.
		const onData = (text: string) => {
			output += text;
			const lines = (partial + text).split('\n');
			partial = lines.pop()!;
			const ms = performance.now() - started;
			for (const line of lines) timed.push(timedLine(ms, stripAnsi(line)));
		};
		// Decoded as a stream: a chunk may end inside a multi-byte character ("✓", "├─").
		child.stdout.setEncoding('utf8').on('data', onData);
		child.stderr.setEncoding('utf8').on('data', onData);
		let peak = 0;
		let peakPss: MemorySample = { pssBytes: 0, byProgram: {} };
		let ticks = 0;
		const timer = setInterval(() => {
			peak = Math.max(peak, treeRss(child.pid!));
			if (ticks++ % 10 === 0) {
				const sample = treePss(child.pid!);
				if (sample.pssBytes > peakPss.pssBytes) peakPss = sample;
			}
		}, 50);
		child.on('close', (status) => {
			clearInterval(timer);
			const wallMs = performance.now() - started;
			if (partial) timed.push(timedLine(wallMs, stripAnsi(partial)));
			resolve({
				status,
				wallMs,
				cpuMs: childrenCpuMs() - cpuBefore,
				peakRssBytes: peak,
				peakPss,
				output: stripAnsi(output),
				timedOutput: `${timed.join('\n')}\n`,
			});
		});
	});
}
