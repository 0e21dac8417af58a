/**
 * The files of a built site, for every step that reads the output after Astro has written it: the link check, the
 * search index, the offline download and its search data, the benchmark. One walk, so they all see the same files in
 * the same order, and one answer to "which URL serves this HTML file".
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BuiltFilesOptions {
	/** Only files whose name ends with this, e.g. '.html'. */
	ext?: string;
	/** Folders (relative to the site, e.g. SEARCH_BUNDLE_DIR) whose files are left out. */
	skip?: readonly string[];
}

/**
 * Every file under `dir`, as paths relative to it with '/' separators, sorted (code-unit order, the same on every
 * platform), so what is built from them does not depend on the file system's listing order. No folder: no files.
 */
export function builtFiles(dir: string, options: BuiltFilesOptions = {}): string[] {
	if (!fs.existsSync(dir)) return [];
	const skip = (options.skip ?? []).map((folder) => `${folder.replace(/\/+$/, '')}/`);
	return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.filter((f) => (!options.ext || f.endsWith(options.ext)) && !skip.some((folder) => f.startsWith(folder)))
		.sort();
}

/**
 * The site path that serves a built HTML file (relative to the site, either separator), with the base in front:
 * 'runbooks/rollback/index.html' → '/runbooks/rollback/', 'index.html' → '/'. Any other file is served under its
 * own name: '404.html' → '/404.html' (a static host does not answer '/404/' with it).
 */
export function pagePathOf(file: string, base = '/'): string {
	const posix = file.split(/[\\/]/).join('/');
	return `${base}${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Bytes of every file under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
	return builtFiles(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}
