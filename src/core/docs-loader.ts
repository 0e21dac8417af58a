/**
 * The docs collection's loader: Astro's glob loader over every .md and .mdx file of the content folder, with each
 * entry's id and data taken from loadSiteDocuments (src/core/site-documents.ts), the same reading the content check
 * made. Front matter written for Hugo, MkDocs or Docusaurus reaches the collection already mapped; drafts and the
 * folders of other collections (cards, records) are never read.
 *
 * In a build, an .mdx document that uses MDX only for fact references and the static components
 * (src/core/simple-mdx.ts) is rendered here by the Markdown pipeline and stored with its HTML, like a .md page:
 * cached by its digest, so a warm build renders only what changed, and no Vite module per page (issue #21: at 1000
 * MDX documents, bundling those modules was 34 s of a 52 s build). Other .mdx documents (imports, other JSX) stay MDX.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ResolvedConfig } from './config.ts';
import { splitSource } from './content-files.ts';
import { outline } from './markdown-outline.ts';
import { excerptOf } from './normalize.ts';
import { fillBlocks, simpleMdx, type StaticComponent } from './simple-mdx.ts';
import { loadSiteDocuments, type SiteDocument, type SiteDocuments } from './site-documents.ts';
import { escapeGlob, RESERVED_FOLDERS } from './sources.ts';
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
	/**
	 * Components an MDX document may use without MDX, as functions of their props returning HTML (Contacts,
	 * SeverityMatrix; src/facts/components-html.ts). Without them every .mdx document is compiled as MDX.
	 */
	components?: Record<string, StaticComponent>;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];
type RenderFunction = (entry: {
	id: string;
	data: Record<string, unknown>;
	body: string;
	filePath: string;
	digest: string | number;
}) => Promise<NonNullable<StoredEntry['rendered']>>;

export function docsLoader(config: SiteConfig, options: DocsLoaderOptions): Loader {
	const read = () => loadSiteDocuments(config.contentDir, config);
	const first = read();
	const drafts = first.all.filter((d) => d.normalized.draft).map((d) => `!${escapeGlob(d.doc.rel)}`);
	let byFile = new Map(first.all.map((d) => [d.doc.file, d]));
	const lookup = (file: string): SiteDocument | undefined => byFile.get(file);
	const globOptions = {
		pattern: [
			'**/*.{md,mdx}',
			...RESERVED_FOLDERS.map((f) => `!${f}/**`),
			'!**/node_modules/**',
			...config.exclude.map((g) => `!${g}`),
			...drafts,
		],
		base: pathToFileURL(`${config.contentDir}/`),
		generateId: ({ entry }: { entry: string }) =>
			lookup(path.join(config.contentDir, entry))?.id ?? entry.replace(/\.mdx?$/i, '').toLowerCase(),
	};
	// A build renders every .md document here, into the data store, so a warm build reuses the HTML. Under
	// `opsbook dev` (a watcher) the documents are rendered when a page asks, as Vite modules: Astro keeps the whole
	// store as one module that a page load parses again after every save, and with each document's HTML in it a
	// save took 3.4 s to reach the page at 1000 documents (1.0 s writing the 20 MB store, 2.1 s loading it again).
	// Rendered on request, the store holds front matter only, and a fact edit (which restarts the server) also reaches
	// .md pages, as Vite compiles them again.
	const buildGlob = glob(globOptions);
	// Under `opsbook dev`: whether the check after each save (settleAfterSaves) is set up; once per loader.
	let settling = false;
	let devGlob: Loader | undefined;
	const inner = (dev: boolean) => (dev ? (devGlob ??= glob({ ...globOptions, deferRender: true })) : buildGlob);
	return {
		name: 'opsbook-docs',
		load: async (ctx: LoaderContext) => {
			const site = read();
			byFile = new Map(site.all.map((d) => [d.doc.file, d]));
			const salt = ctx.watcher ? '' : siteSalt(config, site, options.components ?? {});
			// The front matter as written, by file: the Markdown renderer gets what glob() gives it for a .md file.
			const written = new Map<string, Record<string, unknown>>();
			// Builds only. Under `opsbook dev` (a watcher), a facts.yaml edit restarts the server but Astro does not sync
			// the content layer again (it keeps the first sync's settings and Markdown pipeline), so HTML stored here would
			// keep the old facts, as .md pages do; an MDX module is compiled again with the new ones.
			const target = withoutBodies(ctx.store);
			const simple =
				options.components && !ctx.watcher ? simpleMdxStore(ctx, target, options.components, written) : undefined;
			let loading = true;
			const loaded = inner(Boolean(ctx.watcher)).load({
				...ctx,
				store: simple?.store ?? target,
				generateDigest: (data) =>
					ctx.generateDigest(
						typeof data !== 'string'
							? data
							: ctx.watcher
								? dataSource(data)
								: `${data}\n${salt}\n${options.factsUsedBy(data)}`,
					),
				parseData: (props) => {
					const file = props.filePath ?? '';
					if (file) written.set(file, props.data);
					let doc = lookup(file);
					// Under `opsbook dev` the glob loader re-reads only the file that changed, without calling load(), and
					// only when what its data is made of changed (dataSource): the documents are read again (0.45 s at 1000;
					// not during load(), which read them all just now and calls this for each of them),
					// as its defaults, title and id depend on the folders around it. Always, not when its front matter
					// differs from the last reading: a save can arrive as two events, the first with the file still empty,
					// and an empty front matter is in every text.
					if (ctx.watcher && file && !loading) {
						byFile = new Map(read().all.map((d) => [d.doc.file, d]));
						doc = lookup(file);
					}
					return ctx.parseData({ ...props, data: (doc ? doc.normalized.data : props.data) as typeof props.data });
				},
			});
			await loaded.finally(() => (loading = false));
			if (ctx.watcher && !settling) {
				settling = true;
				settleAfterSaves(
					ctx,
					target,
					read,
					(site) => {
						byFile = new Map(site.all.map((d) => [d.doc.file, d]));
					},
					(file) => lookup(file)?.id,
				);
			}
			// Content modules are listed once load() returns: every render must be stored by then.
			await simple?.done();
		},
	};
}

/** How long after a save its document is read again (settleAfterSaves): a save's file events come within this. */
const SETTLE_MS = 300;

/**
 * Under `opsbook dev`, a document's data is read again a moment after each save, and stored when it differs from
 * what the glob loader stored. A save truncates the file and then writes it: on a busy machine the loader can read
 * the file empty between the two, and when the event of the write is merged into the first, or the empty reading is
 * stored last, the page keeps the file-name title until the next save (seen once in a CI run of the dev-server test).
 */
function settleAfterSaves(
	ctx: LoaderContext,
	store: LoaderContext['store'],
	read: () => SiteDocuments,
	reread: (site: SiteDocuments) => void,
	current: (file: string) => string | undefined,
): void {
	const timers = new Map<string, ReturnType<typeof setTimeout>>();
	const settle = async (file: string) => {
		timers.delete(file);
		const text = fs.readFileSync(file, 'utf8');
		const digest = ctx.generateDigest(dataSource(text));
		// Usually the loader stored the finished file: its digest says so without reading the other documents.
		const stored = current(file);
		if (stored && store.get(stored)?.digest === digest) return;
		const site = read();
		reread(site);
		const doc = site.all.find((d) => d.doc.file === file);
		const entry = doc && store.get(doc.id);
		if (!doc || !entry) return;
		const data = await ctx.parseData({
			id: doc.id,
			data: doc.normalized.data as Record<string, unknown>,
			filePath: file,
		});
		if (JSON.stringify(data) === JSON.stringify(entry.data)) return;
		store.set({ ...entry, data, digest });
		ctx.logger.info(`Reloaded data from ${path.relative(fileURLToPath(ctx.config.root), file)} once the save settled`);
	};
	ctx.watcher?.on('change', (file: string) => {
		if (!/\.mdx?$/i.test(file)) return;
		clearTimeout(timers.get(file));
		timers.set(
			file,
			setTimeout(
				() => void settle(file).catch((error: Error) => ctx.logger.warn(`${file}: ${error.message}`)),
				SETTLE_MS,
			),
		);
	});
}

/**
 * What every page's digest holds besides its own text and facts (a build only: under `opsbook dev` digests are made
 * of the data alone, see dataSource).
 */
function siteSalt(config: SiteConfig, site: SiteDocuments, components: Record<string, StaticComponent>): string {
	// A page depends on more than its file, and each entry's digest says on what, so a warm build re-renders
	// only what changed. Every page: folder defaults, category files and kinds (its data), and what links
	// resolve against (the other documents' paths, former names and headings; attachments). Its own facts:
	// `factsUsedBy` (a fact change re-renders the documents that use it, not all). Measured at 1000 documents:
	// with every body in one shared key, a one-line edit re-rendered all of them (content sync 43 s of a 113 s
	// warm build).
	// Of the other files, only what links read counts (src/byo/links.ts, buildLinkIndex: ids, former names,
	// folders, heading anchors), not their text.
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
	for (const d of site.all) {
		const headings = outline(d.source.body).map((h) => h.text);
		const folder = d.normalized.data.source.folder;
		hash.update(JSON.stringify([d.doc.rel, d.id, d.normalized.draft, d.redirects, folder, headings]));
	}
	for (const a of site.inventory.attachments) hash.update(`${a.rel}\0`);
	// The static components' markup, through their output (the public edition's redacted facts give another):
	// a page rendered once must not outlive it. The facts each page uses are in its own digest (factsUsedBy).
	for (const [name, component] of Object.entries(components)) {
		hash.update(`${name}\0${outputOf(component)}\0`);
	}
	return hash.digest('hex');
}

/**
 * Under `opsbook dev`, what an entry's data is made of: front matter, and from the body only the headings (title,
 * kind) and the first paragraph (excerpt). The page's HTML is a Vite module there, which Vite reloads itself when the
 * file changes; keyed by its data, an edit to the text leaves the store as it was, so Astro neither writes it nor
 * reloads the page a second time (measured at 1000 documents: the second reload came 0.6 s after the first).
 */
function dataSource(text: string): string {
	const { consumed, body } = splitSource(text);
	const headings = outline(body).map((h) => `${h.depth} ${h.text}`);
	return JSON.stringify([consumed, headings, excerptOf(body)]);
}

/**
 * The store, keeping no entry's source text: pages read the rendered HTML and the data, never the body, and at 1000
 * documents the bodies were 7.7 MB of the 20 MB store that every build writes and loads again.
 * (glob's `retainBody: false` would drop it before the simple-MDX check reads it.)
 */
function withoutBodies(store: LoaderContext['store']): LoaderContext['store'] {
	return { ...store, set: ({ body: _, ...entry }) => store.set(entry) };
}

function outputOf(component: StaticComponent): string {
	try {
		return component({});
	} catch (error) {
		return String(error);
	}
}

/**
 * `target` (the store), except that an .mdx entry glob() would store for MDX to compile (deferredRender) is stored with its
 * HTML when it is simple. store.set is synchronous and rendering is not: renders run one after another (CPU work on
 * this one thread, about 49 ms a bench document, 17 ms of it the simple-MDX check's two parses) and are stored
 * when they end; done() waits for those queued so far.
 */
function simpleMdxStore(
	ctx: LoaderContext,
	target: LoaderContext['store'],
	components: Record<string, StaticComponent>,
	written: Map<string, Record<string, unknown>>,
) {
	const root = fileURLToPath(ctx.config.root);
	let renderer: Promise<RenderFunction | undefined> | undefined;
	const markdownRenderer = () => {
		// Not in LoaderContext's type, but given to every loader: glob() renders .md files with it.
		const { entryTypes } = ctx as LoaderContext & { entryTypes: Map<string, unknown> };
		const entryType = entryTypes.get('.md') as
			| { getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction> }
			| undefined;
		renderer ??= Promise.resolve(entryType?.getRenderFunction?.(ctx.config));
		return renderer;
	};
	let queue = Promise.resolve();
	const counts = { markdown: 0, mdx: [] as string[] };
	const reasons: string[] = [];

	const renderOne = async (entry: StoredEntry): Promise<void> => {
		const file = path.resolve(root, entry.filePath!);
		const result = simpleMdx(entry.body ?? '', components);
		const render = result.simple ? await markdownRenderer() : undefined;
		if (!result.simple || !render) {
			counts.mdx.push(entry.filePath!);
			reasons.push(`${entry.filePath}: ${result.simple ? 'no Markdown renderer' : result.reason}`);
			target.set(entry);
			return;
		}
		try {
			const rendered = await render({
				id: entry.id,
				data: written.get(file) ?? (entry.data as Record<string, unknown>),
				body: result.markdown,
				filePath: file,
				digest: entry.digest!,
			});
			const html = fillBlocks(rendered.html, result.blocks);
			if (html === undefined) throw new Error('a component placeholder was not found in the HTML');
			const { deferredRender: _, ...rest } = entry;
			const assetImports = rendered.metadata?.imagePaths;
			target.set({ ...rest, rendered: { ...rendered, html }, ...(assetImports?.length ? { assetImports } : {}) });
			counts.markdown++;
		} catch (error) {
			// Compiled as MDX instead, which reports a real mistake (an unknown fact) as it always did.
			counts.mdx.push(entry.filePath!);
			reasons.push(`${entry.filePath}: ${(error as Error).message}`);
			target.set(entry);
		}
	};

	const store: LoaderContext['store'] = {
		...target,
		set: (entry) => {
			if (!entry.deferredRender || !entry.filePath?.endsWith('.mdx') || entry.body === undefined)
				return target.set(entry);
			queue = queue
				.then(() => renderOne(entry))
				.catch((error: Error) => ctx.logger.error(`${entry.filePath}: ${error.message}`));
			return true;
		},
	};
	return {
		store,
		done: async () => {
			await queue;
			if (counts.markdown || counts.mdx.length) {
				const total = counts.markdown + counts.mdx.length;
				const shown = counts.mdx.slice(0, 5).join(', ') + (counts.mdx.length > 5 ? ', …' : '');
				ctx.logger.info(
					`${counts.markdown} of ${total} MDX documents rendered as Markdown` +
						(counts.mdx.length ? `; compiled as MDX: ${shown}` : ''),
				);
				for (const reason of reasons) ctx.logger.debug(`compiled as MDX: ${reason}`);
			}
		},
	};
}
