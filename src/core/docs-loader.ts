/**
 * The docs collection's loader: Astro's glob loader over every .md and .mdx file of the content folder, with each
 * entry's id and data taken from loadSiteDocuments (src/core/site-documents.ts), the same reading the content check
 * made. Front matter written for Hugo, MkDocs or Docusaurus reaches the collection already mapped; drafts and the
 * folders of other collections (cards, records) are never read.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedConfig } from './config.ts';
import { loadSiteDocuments, type SiteDocument } from './site-documents.ts';
import { escapeGlob, RESERVED_FOLDERS } from './sources.ts';
import { outline } from './markdown-outline.ts';
import { readText } from './text-input.ts';

type SiteConfig = Pick<
	ResolvedConfig,
	'contentDir' | 'kinds' | 'defaults' | 'folders' | 'exclude' | 'profile' | 'base' | 'extraFields' | 'renderVersion'
>;

export interface DocsLoaderOptions {
	/**
	 * The facts a document's text uses, as text to hash into its digest (src/facts/facts-used.ts): `{facts.x}` and
	 * `{env.x}` values, or all facts for a document with components. Given by src/content.config.ts, as core does not
	 * read facts itself.
	 */
	factsUsedBy: (source: string) => string;
}

/** A document's heading text, the anchors other documents' links resolve against. */
function headingsOf(d: SiteDocument): string {
	return outline(d.source.body)
		.map((h) => h.text)
		.join('\n');
}

export function docsLoader(config: SiteConfig, options: DocsLoaderOptions): Loader {
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
			// A page depends on more than its file, and each entry's digest says on what, so a warm build re-renders
			// only what changed. Every page: folder defaults, category files and kinds (its data), and what links
			// resolve against (the other documents' paths, former names and headings; attachments). Its own facts:
			// `factsUsedBy` (a fact change re-renders the documents that use it, not all). Measured at 1000 documents:
			// with every body in one shared key, a one-line edit re-rendered all of them (content sync 43 s of a 113 s
			// warm build).
			const hash = createHash('sha256');
			hash.update(
				JSON.stringify([
					config.kinds,
					config.defaults,
					config.folders,
					config.profile,
					config.base,
					config.extraFields,
					config.renderVersion,
				]),
			);
			const folderFiles = [...site.inventory.defaultsFiles.values(), ...site.inventory.categoryFiles.values()];
			for (const file of folderFiles) hash.update(readText(file));
			for (const d of site.all) hash.update(`${d.doc.rel}\0${d.id}\0${d.redirects.join(',')}\0${headingsOf(d)}\0`);
			for (const a of site.inventory.attachments) hash.update(`${a.rel}\0`);
			const salt = hash.digest('hex');
			return inner.load({
				...ctx,
				generateDigest: (data) =>
					ctx.generateDigest(typeof data === 'string' ? `${data}\n${salt}\n${options.factsUsedBy(data)}` : data),
				parseData: (props) => {
					const file = props.filePath ?? '';
					let doc = lookup(file);
					// Under `opsbook dev` the glob loader re-reads only the file that changed, without calling load(): when
					// its front matter is not the one read at load() (or the file is new), every document is read again,
					// as its title, defaults and links may have changed the others' too.
					if (file && (!doc || !readText(file).includes(doc.source.frontmatter))) {
						byFile = new Map(read().all.map((d) => [d.doc.file, d]));
						doc = lookup(file);
					}
					return ctx.parseData({ ...props, data: (doc ? doc.normalized.data : props.data) as typeof props.data });
				},
			});
		},
	};
}
