/**
 * The docs collection's loader: Astro's glob loader over every .md and .mdx file of the content folder, with each
 * entry's id and data taken from loadSiteDocuments (src/core/site-documents.ts), the same reading the content check
 * made. Front matter written for Hugo, MkDocs or Docusaurus reaches the collection already mapped; drafts and the
 * folders of other collections (cards, records) are never read.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedConfig } from './config.ts';
import { loadSiteDocuments, type SiteDocument } from './site-documents.ts';
import { escapeGlob, RESERVED_FOLDERS } from './sources.ts';
import { readText } from './text-input.ts';

type SiteConfig = Pick<ResolvedConfig, 'contentDir' | 'kinds' | 'defaults' | 'folders' | 'exclude' | 'profile'>;

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
			// Data depends on more than the file: folder defaults and the kinds. A change to either re-reads every entry.
			const salt = JSON.stringify([
				config.kinds,
				config.defaults,
				config.folders,
				config.profile,
				[...site.inventory.defaultsFiles.values()].map(readText),
			]);
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
