/**
 * Where the site's inputs and outputs live.
 *
 * Everything is relative to the repository root, and two environment variables let tests and the benchmark build a
 * different content folder into a different output folder with the real pipeline:
 *   OPSBOOK_CONTENT  folder holding facts.yaml and the document folders (default: ./content)
 *   OPSBOOK_OUT_DIR  where Astro writes the site (default: ./dist; `npm run build` points it at a staging folder)
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

/** Build caches (Astro's content store, rendered diagrams), one folder per content folder. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	const content = contentDir(env);
	const key = content === path.resolve(repoRoot, 'content') ? 'site' : createHash('sha256').update(content).digest('hex').slice(0, 12);
	return path.join(repoRoot, '.opsbook', 'cache', key);
}
