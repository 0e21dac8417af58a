/**
 * The docs collection's loader: Astro's glob loader over every .md and .mdx file of the content folder, with each
 * entry's id and data taken from loadSiteDocuments (src/core/site-documents.ts), the same reading the content check
 * made. Front matter written for Hugo, MkDocs or Docusaurus reaches the collection already mapped; drafts and the
 * folders of other collections (cards, records) are never read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedConfig } from './config.ts';
import { loadSiteDocuments, type SiteDocument } from './site-documents.ts';
import { escapeGlob, RESERVED_FOLDERS } from './sources.ts';
import { readText } from './text-input.ts';

type SiteConfig = Pick<
	ResolvedConfig,
	'contentDir' | 'kinds' | 'defaults' | 'folders' | 'exclude' | 'profile' | 'base' | 'extraFields'
>;

export function docsLoader(config: SiteConfig): Loader {
	const read = () => loadSiteDocuments(config.contentDir, config);
	const first = read();
	const drafts = first.all.filter((d) => d.normalized.draft).map((d) => `!${escapeGlob(d.doc.rel)}`);
	let byFile = new Map(first.all.map((d) => [d.doc.file, d]));
	const lookup = (file: string): SiteDocument | undefined => byFile.get(file);
	const inner = glob({
		pattern: [
			'**/*.{md,mdx}',
			...RESERVED_FOLDERS.map((f) => `!${f}/**`),
			'!**/node_modules/**',
			...config.exclude.map((g) => `!${g}`),
			...drafts,
		],
		base: pathToFileURL(`${config.contentDir}/`),
		generateId: ({ entry }) =>
			lookup(path.join(config.contentDir, entry))?.id ?? entry.replace(/\.mdx?$/i, '').toLowerCase(),
	});
	return {
		name: 'opsbook-docs',
		load: async (ctx: LoaderContext) => {
			const site = read();
			byFile = new Map(site.all.map((d) => [d.doc.file, d]));
			// A page depends on more than its file: folder defaults, category files and kinds (its data), facts.yaml and
			// the other files (a .md page is rendered once and cached: its facts, and links resolved against the other
			// files and their headings). Any change to those re-reads every entry; rendering 110 Markdown pages takes
			// about a second.
			const hash = createHash('sha256');
			hash.update(
				JSON.stringify([
					config.kinds,
					config.defaults,
					config.folders,
					config.profile,
					config.base,
					config.extraFields,
				]),
			);
			const factsFile = path.join(config.contentDir, 'facts.yaml');
			const folderFiles = [...site.inventory.defaultsFiles.values(), ...site.inventory.categoryFiles.values()];
			for (const file of [...folderFiles, ...(fs.existsSync(factsFile) ? [factsFile] : [])])
				hash.update(readText(file));
			for (const d of site.all) hash.update(`${d.doc.rel}\0${d.source.body}\0`);
			for (const a of site.inventory.attachments) hash.update(`${a.rel}\0`);
			const salt = hash.digest('hex');
			return inner.load({
				...ctx,
				generateDigest: (data) => ctx.generateDigest(typeof data === 'string' ? `${data}\n${salt}` : data),
				parseData: (props) => {
					const doc = lookup(props.filePath ?? '');
					return ctx.parseData({ ...props, data: (doc ? doc.normalized.data : props.data) as typeof props.data });
				},
			});
		},
	};
}
