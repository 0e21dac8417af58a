/** Reading the document sources directly (outside Astro), for checks, exports and tools that run before the build. */
import { readText } from './text-input.ts';
import fs from 'node:fs';
import path from 'node:path';
import { KIND_FOLDERS } from './kinds.ts';

export interface SourceFile {
	/** Absolute path. */
	file: string;
	/** Document id, as the site uses it in URLs: `runbooks/rollback`. */
	id: string;
	folder: string;
	frontmatter: string;
	/** Line number (1-based) of the first frontmatter line, for error positions. */
	frontmatterLine: number;
	body: string;
	/** Line number (1-based) of the first body line. */
	bodyLine: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function listDocumentFiles(dir: string): string[] {
	return KIND_FOLDERS.flatMap((folder) => {
		const root = path.join(dir, folder);
		if (!fs.existsSync(root)) return [];
		return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
			.filter((d) => d.isFile() && d.name.endsWith('.mdx'))
			.map((d) => path.join(d.parentPath, d.name));
	}).sort();
}

export function readSourceFile(dir: string, file: string): SourceFile {
	const text = readText(file);
	const rel = path.relative(dir, file).split(path.sep).join('/');
	const match = FRONTMATTER.exec(text);
	const frontmatter = match?.[1] ?? '';
	const consumed = match?.[0] ?? '';
	return {
		file,
		id: rel.replace(/\.mdx$/, ''),
		folder: rel.split('/')[0] ?? '',
		frontmatter,
		frontmatterLine: 2,
		body: text.slice(consumed.length),
		bodyLine: consumed.split('\n').length,
		...(match ? {} : { frontmatterLine: 0 }),
	};
}

/** A document whose front matter passed the schema (quality/frontmatter.ts), with the line of any field. */
export interface CheckedDocument {
	source: SourceFile;
	data: import('./document-schema.ts').DocumentData;
	lineOf(path: ReadonlyArray<PropertyKey>): number;
}
