/**
 * Measuring a child process tree on Linux: wall time, CPU time (user + system of the whole tree, from the kernel's
 * accounting of waited-for children) and peak resident memory (sum over the tree, sampled every 50 ms).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface RunResult {
	status: number | null;
	wallMs: number;
	cpuMs: number;
	peakRssBytes: number;
	output: string;
}

/** User + system time of every child this process has waited for (fields cutime, cstime of /proc/self/stat). */
function childrenCpuMs(): number {
	const stat = fs.readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

function treeRss(pid: number): number {
	let total = 0;
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop()!;
		try {
			const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
			for (const task of fs.readdirSync(`/proc/${p}/task`)) {
				const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(' ').map(Number));
			}
		} catch {
			// The process ended between listing and reading: nothing to add.
		}
	}
	return total;
}

export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
	return new Promise((resolve) => {
		const cpuBefore = childrenCpuMs();
		const started = performance.now();
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		let peak = 0;
		const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
		child.on('close', (status) => {
			clearInterval(timer);
			resolve({
				status,
				wallMs: performance.now() - started,
				cpuMs: childrenCpuMs() - cpuBefore,
				peakRssBytes: peak,
				output: output.replace(/\u001b\[[0-9;]*m/g, ''),
			});
		});
	});
}
