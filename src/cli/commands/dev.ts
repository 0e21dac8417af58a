/** `opsbook dev` and `opsbook preview`: Astro's dev server and static preview, run for the project. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { astroBin } from './build.ts';

function astroCommand(name: 'dev' | 'preview', summary: string): Command {
	const usage = `usage: opsbook ${name} [--root <dir>] [--port <n>] [--host]\n\n${summary}.`;
	return {
		name,
		summary,
		usage,
		async run(argv) {
			const { values } = parseCommandArgs(argv, {
				root: { type: 'string' },
				port: { type: 'string' },
				host: { type: 'boolean' },
			});
			const root = path.resolve(str(values.root) ?? '.');
			const extra = [...(values.port ? ['--port', String(values.port)] : []), ...(values.host ? ['--host'] : [])];
			const result = spawnSync(process.execPath, [astroBin(root), name, '--root', root, ...extra], {
				cwd: root,
				stdio: 'inherit',
				env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
			});
			return result.status ?? 1;
		},
	};
}

export const devCommand = astroCommand('dev', 'serve the site while you write, reloading on save');
export const previewCommand = astroCommand('preview', 'serve the built site locally');
