/**
 * What the content check found in each file, kept between builds: a file whose key is unchanged is not parsed or
 * checked again. The key holds the file's text, the facts its text references (the command check reads those values,
 * and the query schema), and the checker's own source, so a change to any of them checks the file again.
 * Measured at 1000 documents: parsing and the command check of 19,670 blocks were 14 of the 18 s content check, on
 * every build, for a one-line edit as for a cold one (issue #21: a warm build does work in proportion to what changed).
 *
 * One JSON file under the site's cache folder, written whole through a temporary file and a rename, so an interrupted
 * build leaves the previous file or the new one, never half of one. Entries of files no longer checked are dropped.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandProblem } from '../commands/index.ts';
import type { SourceUrl } from '../byo/index.ts';
import type { ContentProblem } from '../core/errors.ts';
import { packageRoot, packageVersion } from '../core/package.ts';

/** What checking one file found: plain data, so it can be kept as JSON. */
export interface FileCheck {
	/** The file does not parse (MDX syntax): nothing else was checked. */
	syntax?: ContentProblem;
	/** Components and expressions the MDX check refused. */
	mdx: ContentProblem[];
	commands: CommandProblem[];
	/** Code blocks checked. */
	blocks: number;
	urls: SourceUrl[];
}

interface Stored {
	version: string;
	files: Record<string, { key: string; check: FileCheck }>;
}

export interface CheckCache {
	get(file: string, key: string): FileCheck | undefined;
	set(file: string, key: string, check: FileCheck): void;
	/** Writes what this run used (hits and new results) and drops the rest. */
	save(): void;
	readonly hits: number;
}

const FILE = 'content-check.json';

/**
 * The checker's own code, so a changed rule or parser call is never answered from the cache: these sources (present in
 * a checkout and in the installed package, whose `files` include src/), and Opsbook's version.
 */
const CHECKER_SOURCES = ['src/commands', 'src/quality', 'src/byo/links.ts', 'src/facts/facts.ts'];

function versionOfChecker(): string {
	const hash = createHash('sha256').update(packageVersion);
	for (const source of CHECKER_SOURCES.map((p) => path.join(packageRoot, p))) {
		if (!fs.existsSync(source)) continue;
		const files = fs.statSync(source).isDirectory()
			? fs
					.readdirSync(source)
					.filter((f) => /\.[jt]s$/.test(f))
					.sort()
					.map((f) => path.join(source, f))
			: [source];
		for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(file)).update('\0');
	}
	return hash.digest('hex');
}

export function fileCheckKey(parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
}

/** The cache in `cacheDir`; without a folder (a one-off `opsbook check` on a fixture, say) nothing is kept. */
export function openCheckCache(cacheDir: string | undefined): CheckCache {
	const version = cacheDir ? versionOfChecker() : '';
	const file = cacheDir ? path.join(cacheDir, FILE) : undefined;
	const previous = file ? read(file, version) : {};
	const next: Stored['files'] = {};
	let hits = 0;
	return {
		get(source, key) {
			const found = previous[source];
			if (!found || found.key !== key) return undefined;
			hits++;
			next[source] = found;
			return found.check;
		},
		set(source, key, check) {
			next[source] = { key, check };
		},
		save() {
			if (!file) return;
			fs.mkdirSync(path.dirname(file), { recursive: true });
			const temporary = `${file}.${process.pid}.tmp`;
			fs.writeFileSync(temporary, JSON.stringify({ version, files: next } satisfies Stored));
			fs.renameSync(temporary, file);
		},
		get hits() {
			return hits;
		},
	};
}

function read(file: string, version: string): Stored['files'] {
	try {
		const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
		return stored.version === version && stored.files ? stored.files : {};
	} catch {
		// None yet, or unreadable (a disk that filled up mid-write before the rename existed): check everything.
		return {};
	}
}
