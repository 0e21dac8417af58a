/**
 * The documents as the site presents them: ordered, grouped by kind, with the neighbours a page links to.
 * Everything derives from the content collection; nothing here is cached across builds.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { KINDS, KIND_NAMES, type Kind } from './kinds.ts';

export { navWindow, neighbours } from './nav.ts';

export type Doc = CollectionEntry<'docs'>;

export function byOrder(a: Doc, b: Doc): number {
	return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}

export async function allDocs(): Promise<Doc[]> {
	return (await getCollection('docs')).sort((a, b) => KIND_NAMES.indexOf(a.data.kind) - KIND_NAMES.indexOf(b.data.kind) || byOrder(a, b));
}

export function docsOfKind(docs: Doc[], kind: Kind): Doc[] {
	return docs.filter((d) => d.data.kind === kind);
}

export function docPath(id: string): string {
	return `${id}/`;
}

export function kindPath(kind: Kind): string {
	return `${KINDS[kind].folder}/`;
}
