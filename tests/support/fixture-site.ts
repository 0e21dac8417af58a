/**
 * Builds small fixture sites with the real pipeline (`npm run build` with another content folder and output folder).
 * A fixture starts as a copy of tests/fixtures/<base>/ with some files replaced, so each bad-content case is one
 * small change to a known-good site.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const fixturesDir = path.resolve('tests/fixtures');

export interface FixtureBuild {
	status: number | null;
	/** stdout and stderr together, ANSI colours removed. */
	output: string;
	contentDir: string;
	outDir: string;
}

export function makeFixture(base: string, overrides: Record<string, string | null> = {}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `opsbook-${base}-`));
	fs.cpSync(path.join(fixturesDir, base), dir, { recursive: true });
	for (const [file, content] of Object.entries(overrides)) {
		const target = path.join(dir, file);
		if (content === null) fs.rmSync(target, { force: true });
		else {
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, content);
		}
	}
	return dir;
}

export function buildSite(contentDir: string, outDir: string = path.join(contentDir, '..', `${path.basename(contentDir)}-dist`), env: NodeJS.ProcessEnv = {}): FixtureBuild {
	const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
		encoding: 'utf8',
		env: { ...process.env, OPSBOOK_CONTENT: contentDir, OPSBOOK_OUT_DIR: outDir, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		maxBuffer: 64 * 1024 * 1024,
	});
	const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
	return { status: result.status, output, contentDir, outDir };
}
