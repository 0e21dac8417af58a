/** Pure navigation helpers over an ordered section (no Astro imports, so they are unit-testable). */

/** How many links the sidebar lists around the current page: bounded, so HTML never grows with the site. */
export const NAV_WINDOW = 12;

interface Item {
	id: string;
}

/** The slice of a section the sidebar shows: the whole section when small, else a window around the current page. */
export function navWindow<T extends Item>(
	section: T[],
	currentId: string | undefined,
	size = NAV_WINDOW,
): { items: T[]; truncated: boolean } {
	if (section.length <= size) return { items: section, truncated: false };
	const at = Math.max(
		0,
		section.findIndex((d) => d.id === currentId),
	);
	const start = Math.min(Math.max(0, at - Math.floor(size / 2)), section.length - size);
	return { items: section.slice(start, start + size), truncated: true };
}

export function neighbours<T extends Item>(section: T[], id: string): { prev?: T | undefined; next?: T | undefined } {
	const i = section.findIndex((d) => d.id === id);
	return { prev: i > 0 ? section[i - 1] : undefined, next: i >= 0 ? section[i + 1] : undefined };
}

/** What the section tree needs of a document. */
export interface TreeDoc {
	id: string;
	title: string;
	order: number;
	kind: string;
	/** Folder id ('' at the top) and the path as written, for folder names. */
	folder: string;
	path: string;
	index: boolean;
}

export interface NavEntry {
	/** Document id, or the folder id for a folder without a page of its own. */
	id: string;
	title: string;
	/** 0 for the section's own documents, 1 inside a subfolder, ... */
	depth: number;
	/** False for a folder heading without an index page (nothing to link to). */
	link: boolean;
	folder: boolean;
}

export interface SectionTree<T extends TreeDoc> {
	/** Top-level folder id; '' for documents at the top of the content folder (no section page). */
	id: string;
	label: string;
	/** The folder's own page (README.md, index.md, _index.md), shown on the section page. */
	index?: T | undefined;
	/** Documents and subfolders, depth first, in order: what the sidebar lists. */
	entries: NavEntry[];
	/** The section's documents in the same order, its index page excluded: prev/next and the section list. */
	docs: T[];
}

/** What a folder's category file says about it (Docusaurus `_category_.json`): its name and its place. */
export interface FolderCategory {
	label?: string | undefined;
	order?: number | undefined;
}

interface FolderNode<T> {
	id: string;
	name: string;
	index?: T | undefined;
	docs: T[];
	children: Map<string, FolderNode<T>>;
}

/**
 * Folders are sections, nested folders nested sections. Within a folder, documents and subfolders sort together by
 * `order` (a subfolder by its index page's, as Hugo's `_index.md` weight does), then by title.
 * `sectionOrder` lists top-level folders that come first (the kinds' folders, in the kinds' order); `labels` names
 * folders that are not named by an index page (the kinds' labels). `categories` (by folder id, from Docusaurus'
 * `_category_.json`) name and place a folder before all of those: the file exists only to say that.
 */
export function sectionTrees<T extends TreeDoc>(
	docs: T[],
	options: {
		sectionOrder?: string[];
		labels?: Record<string, string>;
		always?: string[];
		categories?: Record<string, FolderCategory>;
	} = {},
): Array<SectionTree<T>> {
	const root: FolderNode<T> = { id: '', name: '', docs: [], children: new Map() };
	const nodeFor = (folder: string, written: string[]) => {
		let node = root;
		folder
			.split('/')
			.filter(Boolean)
			.forEach((part, i) => {
				const id = node.id ? `${node.id}/${part}` : part;
				if (!node.children.has(part))
					node.children.set(part, { id, name: written[i] ?? part, docs: [], children: new Map() });
				node = node.children.get(part)!;
			});
		return node;
	};
	for (const doc of docs) {
		const written = doc.path.split('/').slice(0, -1);
		const node = nodeFor(doc.folder, written);
		if (doc.index && doc.folder && !node.index) node.index = doc;
		else node.docs.push(doc);
	}
	for (const folder of options.always ?? []) nodeFor(folder, [folder]);
	const category = (n: FolderNode<T>) => options.categories?.[n.id];
	const labelOf = (n: FolderNode<T>) =>
		category(n)?.label ?? n.index?.title ?? options.labels?.[n.id] ?? folderLabel(n.name);
	// A folder without a page of its own sorts by its first document (MkDocs nav, Docusaurus positions).
	const orderOf = (n: FolderNode<T>): number =>
		category(n)?.order ??
		n.index?.order ??
		Math.min(100, ...n.docs.map((d) => d.order), ...[...n.children.values()].map(orderOf));

	const flatten = (node: FolderNode<T>, depth: number, entries: NavEntry[], list: T[]) => {
		type Item = { order: number; title: string; doc?: T; folder?: FolderNode<T> };
		const items: Item[] = [
			...node.docs.map((d) => ({ order: d.order, title: d.title, doc: d })),
			...[...node.children.values()].map((f) => ({ order: orderOf(f), title: labelOf(f), folder: f })),
		].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
		for (const item of items) {
			if (item.doc) {
				entries.push({ id: item.doc.id, title: item.doc.title, depth, link: true, folder: false });
				list.push(item.doc);
			} else if (item.folder) {
				const f = item.folder;
				entries.push({ id: f.index?.id ?? f.id, title: labelOf(f), depth, link: Boolean(f.index), folder: true });
				if (f.index) list.push(f.index);
				flatten(f, depth + 1, entries, list);
			}
		}
	};

	const first = options.sectionOrder ?? [];
	// A kind's folder placed by a category file is placed where the file says, among the other sections, not first.
	const pinned = (n: FolderNode<T>) => (category(n)?.order === undefined ? first.indexOf(n.id) : -1);
	const tops = [...root.children.values()].sort((a, b) => {
		const ia = pinned(a);
		const ib = pinned(b);
		if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
		return orderOf(a) - orderOf(b) || labelOf(a).localeCompare(labelOf(b));
	});
	const out: Array<SectionTree<T>> = tops.map((top) => {
		const entries: NavEntry[] = [];
		const list: T[] = [];
		flatten(top, 0, entries, list);
		return { id: top.id, label: labelOf(top), index: top.index, entries, docs: list };
	});
	if (root.docs.length) {
		const entries: NavEntry[] = [];
		const list: T[] = [];
		flatten({ ...root, children: new Map() }, 0, entries, list);
		const section = { id: '', label: out.length ? 'Other pages' : 'Documents', entries, docs: list };
		if (out.length) out.push(section);
		else out.unshift(section);
	}
	return out;
}

/** `alert-manager` → "Alert manager"; a name already in capitals stays as written. */
export function folderLabel(name: string): string {
	const words = name.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
