/**
 * Where the site's inputs and outputs live.
 *
 * Everything is relative to the repository root, and two environment variables let tests and the benchmark build a
 * different content folder into a different output folder with the real pipeline:
 *   OPSBOOK_CONTENT  folder holding facts.yaml and the document folders (default: ./content)
 *   OPSBOOK_OUT_DIR  where the finished site goes (default: ./dist)
 * `npm run build` has Astro write into a staging folder (OPSBOOK_STAGING_DIR) and swaps it into OPSBOOK_OUT_DIR.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Commands run from the repository root (npm scripts, Astro, Playwright). Not derived from import.meta.url: Astro
 * bundles this module into the build output for prerendering, where that URL points inside the output folder.
 */
export const repoRoot = path.resolve(process.env.OPSBOOK_ROOT ?? process.cwd());

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(repoRoot, env.OPSBOOK_CONTENT ?? 'content');
}

export function outDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(repoRoot, env.OPSBOOK_OUT_DIR ?? 'dist');
}

/** A path as people should read it in messages: relative to the repository root when inside it. */
export function displayPath(file: string): string {
	const rel = path.relative(repoRoot, file);
	return rel.startsWith('..') ? file : rel;
}

/** Where Astro writes during this build: the staging folder when `npm run build` runs it, else the output folder. */
export function buildDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.OPSBOOK_STAGING_DIR ? path.resolve(repoRoot, env.OPSBOOK_STAGING_DIR) : outDir(env);
}

/**
 * Build caches (Astro's content store, rendered diagrams), one folder per content folder and output folder, so test
 * fixtures and the benchmark can build in parallel with the site without sharing state.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	const content = contentDir(env);
	const out = outDir(env);
	const isDefault = content === path.resolve(repoRoot, 'content') && out === path.resolve(repoRoot, 'dist');
	const key = isDefault ? 'site' : createHash('sha256').update(`${content}\0${out}`).digest('hex').slice(0, 12);
	return path.join(repoRoot, '.opsbook', 'cache', key);
}

/**
 * Astro's project root. Astro keeps generated state (the `.astro/` folder: content module map, types) under the root,
 * so two builds of different content folders sharing the repository root would overwrite each other's module map.
 * The main site uses the repository root (editors and `astro check` read `.astro/` there); any other content folder
 * (fixtures, the benchmark corpus) gets a root of its own inside its cache folder. Sources stay in the repository.
 */
export function astroRoot(env: NodeJS.ProcessEnv = process.env): string {
	const cache = cacheDir(env);
	return path.basename(cache) === 'site' ? repoRoot : path.join(cache, 'root');
}
