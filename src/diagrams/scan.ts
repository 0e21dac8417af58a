/**
 * Every ```mermaid block in the content folder, with facts resolved exactly as the page will show them
 * (`{env.x}` takes the default environment's value, as remark-facts does for code blocks), and its file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../core/errors.ts';
import { readSourceFile } from '../core/content-files.ts';
import { findMermaidFences, normaliseDiagramSource } from './source.ts';
import { replaceFactReferences, UnknownFactError } from '../facts/facts.ts';
import type { Facts } from '../facts/schema.ts';

export interface DiagramRequest {
	/** Fact-resolved, normalised source: what is rendered and hashed. */
	source: string;
	file: string;
	/** Document id (`runbooks/rollback`): which page the diagram is on. */
	docId: string;
	/** Line of the opening fence. */
	line: number;
	/** Line of the diagram's first line (Mermaid's line 1). */
	contentLine: number;
}

/**
 * Every .mdx and .md file under the content folder, not only the document kinds: other collections (cards) are MDX too and
 * go through the same remark plugin; a block missed here would be rendered on demand, in a second browser.
 */
export function listMdxFiles(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter(
			(d) =>
				d.isFile() &&
				/\.mdx?$/.test(d.name) &&
				!path
					.relative(dir, d.parentPath)
					.split(path.sep)
					.some((part) => part.startsWith('.') || part === 'node_modules'),
		)
		.map((d) => path.join(d.parentPath, d.name))
		.sort();
}

export function scanDiagrams(dir: string, facts: Facts): { requests: DiagramRequest[]; problems: ContentProblem[] } {
	const requests: DiagramRequest[] = [];
	const problems: ContentProblem[] = [];
	for (const file of listMdxFiles(dir)) {
		const doc = readSourceFile(dir, file);
		if (!doc.body.includes('mermaid')) continue;
		for (const fence of findMermaidFences(doc.body, doc.bodyLine)) {
			let failed = false;
			const resolved = fence.source
				.split('\n')
				.map((text, i) => {
					try {
						return replaceFactReferences(text, facts);
					} catch (error) {
						if (!(error instanceof UnknownFactError)) throw error;
						failed = true;
						problems.push({ file, line: fence.contentLine + i, field: 'fact', message: error.message });
						return text;
					}
				})
				.join('\n');
			if (!failed)
				requests.push({
					source: normaliseDiagramSource(resolved),
					file,
					docId: doc.id,
					line: fence.line,
					contentLine: fence.contentLine,
				});
		}
	}
	return { requests, problems };
}
