/**
 * Fixture sites are small consumer projects (tests/fixtures/<name>/: astro.config.ts + a content folder, `content/`
 * unless the config's `content:` names another), built with the real pipeline: `opsbook build` in a copy of the
 * project. A fixture starts as a copy with some files replaced, so each bad-content case is one small change to a
 * known-good site.
 *
 * Copies live under .opsbook/fixtures/ inside the repository, so `import { opsbook } from 'opsbook'` in their
 * astro.config resolves to this checkout (a package may import itself by name), exactly as in an installed site.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');
const copies = path.join(repoRoot, '.opsbook', 'fixtures');

export interface FixtureBuild {
	status: number | null;
	/** stdout and stderr together, ANSI colours removed. */
	output: string;
	contentDir: string;
	outDir: string;
}

export interface FixtureCopy {
	/** The copied project folder (holds astro.config.ts): what `--root` takes. */
	project: string;
	/** Its content folder, wherever the config puts it. */
	contentDir: string;
}

/** Project folder of every copy made, by content folder: projectOf() must not guess from a nested content path. */
const projectsByContent = new Map<string, string>();

/**
 * A fresh copy of tests/fixtures/<base>/; `overrides` are paths inside its content folder (null removes the file).
 * Returns the project and the content folder separately.
 */
export function copyFixture(base: string, overrides: Record<string, string | null> = {}): FixtureCopy {
	fs.mkdirSync(copies, { recursive: true });
	const project = fs.mkdtempSync(path.join(copies, `${base}-`));
	fs.cpSync(path.join(fixturesDir, base), project, { recursive: true });
	const contentDir = path.join(project, contentFolderOf(project));
	for (const [file, text] of Object.entries(overrides)) {
		const target = path.join(contentDir, file);
		if (text === null) fs.rmSync(target, { force: true });
		else {
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, text);
		}
	}
	projectsByContent.set(contentDir, project);
	return { project, contentDir };
}

/** A fresh copy of tests/fixtures/<base>/ (see copyFixture); returns its content folder, as existing callers expect. */
export function makeFixture(base: string, overrides: Record<string, string | null> = {}): string {
	return copyFixture(base, overrides).contentDir;
}

/**
 * The content folder a fixture's astro.config.ts names (`opsbook({ content: 'handbook' })`), default `content`.
 * Read from the text, not by loading the config: fixtures write it as a plain string literal, and this stays fast.
 */
export function contentFolderOf(project: string): string {
	const names = ['astro.config.ts', 'astro.config.mjs', 'astro.config.js'];
	const config = names.map((f) => path.join(project, f)).find((f) => fs.existsSync(f));
	const named = config && /\bcontent:\s*(['"])([^'"]+)\1/.exec(fs.readFileSync(config, 'utf8'));
	return named?.[2] ?? 'content';
}

/** The project folder of a fixture's content folder: the copy it came from, else its parent (holds astro.config.ts). */
export const projectOf = (contentDir: string): string => projectsByContent.get(contentDir) ?? path.dirname(contentDir);

export function buildSite(
	contentDir: string,
	outDir: string = path.join(projectOf(contentDir), 'dist'),
	env: NodeJS.ProcessEnv = {},
): FixtureBuild {
	const result = spawnSync(
		process.execPath,
		[path.join(repoRoot, 'bin', 'opsbook.js'), 'build', '--root', projectOf(contentDir)],
		{
			encoding: 'utf8',
			env: { ...process.env, OPSBOOK_OUT_DIR: outDir, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
	return { status: result.status, output, contentDir, outDir };
}
