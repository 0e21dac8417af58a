/**
 * The documents as the site presents them: ordered, grouped into sections (top-level folders, nested folders as
 * nested sections), with the neighbours a page links to. Everything derives from the content collection; nothing here
 * is cached across builds.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:opsbook/config';
import { KINDS, KIND_NAMES, type Kind } from './kinds.ts';
import { sectionTrees, type SectionTree, type TreeDoc } from './nav.ts';

export { navWindow, neighbours, type NavEntry } from './nav.ts';

export type Doc = CollectionEntry<'docs'>;
export type DocSection = SectionTree<TreeDoc & { doc: Doc }>;

export function byOrder(a: Doc, b: Doc): number {
	return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}

/** Every published document, in navigation order (section by section, depth first). */
export async function allDocs(): Promise<Doc[]> {
	return (await docSections()).flatMap((s) => [...(s.index ? [s.index.doc] : []), ...s.docs.map((d) => d.doc)]);
}

let sectionsOnce: Promise<DocSection[]> | undefined;

/**
 * The sections the sidebar, the section pages and the home page list. The kinds' folders come first, in the kinds'
 * order, named by their labels; a kind's folder named on the home page (site.home) has a page even when empty.
 * A folder's category file (`_category_.json`) names and places it before either.
 */
export function docSections(): Promise<DocSection[]> {
	sectionsOnce ??= (async () => {
		const docs = await getCollection('docs');
		const kindFolders = Object.values(config.kinds).flatMap((k) => (k.folder ? [k.folder] : []));
		const labels = Object.fromEntries(
			Object.values(config.kinds).flatMap((k) => (k.folder ? [[k.folder, k.label]] : [])),
		);
		const categories = Object.fromEntries(
			docs.flatMap((d) => d.data.source.categories ?? []).map(({ folder, ...c }) => [folder, c]),
		);
		return sectionTrees(
			docs.map((doc) => ({
				id: doc.id,
				title: doc.data.title,
				order: doc.data.order,
				kind: doc.data.kind,
				folder: doc.data.source.folder,
				path: doc.data.source.path,
				index: doc.data.source.index,
				doc,
			})),
			{ sectionOrder: kindFolders, labels, always: config.emptySections, categories },
		);
	})();
	return sectionsOnce;
}

/** The section a document is in: its top-level folder ('' at the top of the content folder). */
export function sectionOf(doc: Doc): string {
	return doc.data.source.folder.split('/')[0] ?? '';
}

/** What a section page says under its title: the kind's summary, or the folder page's description. */
export function sectionSummary(section: DocSection): string {
	const kind = Object.values(config.kinds).find((k) => k.folder === section.id);
	return kind?.summary ?? section.index?.doc.data.description ?? section.index?.doc.data.excerpt ?? '';
}

export function docsOfKind(docs: Doc[], kind: Kind | string): Doc[] {
	return docs.filter((d) => d.data.kind === kind);
}

export function docPath(id: string): string {
	return `${id}/`;
}

export function kindPath(kind: Kind): string {
	return `${KINDS[kind].folder}/`;
}

export { KIND_NAMES };
