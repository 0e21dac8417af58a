/** Reading the document sources directly (outside Astro), for checks, exports and tools that run before the build. */
import { readText } from './text-input.ts';
import fs from 'node:fs';
import path from 'node:path';
import { documentId, scanContent } from './sources.ts';

export interface SourceFile {
	/** Absolute path. */
	file: string;
	/** Document id, as the site uses it in URLs: `runbooks/rollback`. */
	id: string;
	folder: string;
	frontmatter: string;
	/** `---` YAML (everyone) or `+++` TOML (Hugo). */
	frontmatterFormat: 'yaml' | 'toml';
	/** Line number (1-based) of the first frontmatter line, for error positions; 0 when there is none. */
	frontmatterLine: number;
	body: string;
	/** Line number (1-based) of the first body line. */
	bodyLine: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TOML_FRONTMATTER = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** Every document source (.md and .mdx, any folder but cards/ and records/), sorted. */
export function listDocumentFiles(dir: string, exclude: readonly string[] = []): string[] {
	if (!fs.existsSync(dir)) return [];
	return scanContent(dir, { exclude })
		.documents.map((d) => d.file)
		.sort();
}

/** A document's text cut into its front matter (without the fences) and its body. */
export function splitSource(text: string): Pick<SourceFile, 'frontmatter' | 'frontmatterFormat' | 'body'> & {
	/** The front matter with its fences, as written; '' when there is none. */
	consumed: string;
} {
	const toml = TOML_FRONTMATTER.exec(text);
	const match = toml ?? FRONTMATTER.exec(text);
	const consumed = match?.[0] ?? '';
	return {
		frontmatter: match?.[1] ?? '',
		frontmatterFormat: toml ? 'toml' : 'yaml',
		consumed,
		body: text.slice(consumed.length),
	};
}

export function readSourceFile(dir: string, file: string): SourceFile {
	const text = readText(file);
	const rel = path.relative(dir, file).split(path.sep).join('/');
	const { frontmatter, frontmatterFormat, consumed, body } = splitSource(text);
	const parts = rel.split('/');
	const name = (parts.pop() ?? '').replace(/\.mdx?$/i, '');
	return {
		file,
		id: documentId({ folder: parts.join('/'), name, index: /^(readme|index|_index)$/i.test(name) }),
		folder: rel.split('/')[0] ?? '',
		frontmatter,
		frontmatterFormat,
		frontmatterLine: consumed ? 2 : 0,
		body,
		bodyLine: consumed.split('\n').length,
	};
}

/** A document whose front matter passed the schema (quality/frontmatter.ts), with the line of any field. */
export interface CheckedDocument {
	source: SourceFile;
	data: import('./document-schema.ts').DocumentData;
	lineOf(path: ReadonlyArray<PropertyKey>): number;
}
