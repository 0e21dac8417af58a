/**
 * Links in the Markdown export. Documents link site-absolutely (`/runbooks/rollback/#steps`) and in-page (`#steps`);
 * in the export a document is a section of some file, and merging several documents into one file renames repeated
 * headings (GitHub adds -1, -2). So anchors are computed the way each side computes them (github-slugger, in order):
 * per document as on the site, per file as on GitHub, and every link is rewritten from one to the other.
 */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Data the export puts on headings so a file's slugs can be traced back to documents. */
export interface HeadingTag {
	docId?: string;
	/** The heading's id on the document's own page. */
	siteSlug?: string;
	/** The heading that starts a document inside a merged file. */
	docTitle?: boolean;
}

export function headingText(node: unknown): string {
	const n = node as { value?: unknown; children?: unknown[] };
	if (typeof n.value === 'string') return n.value;
	return (n.children ?? []).map(headingText).join('');
}

/** Tags every heading of one document with its id and its slug on the document's page. */
export function tagDocumentHeadings(tree: Root, docId: string): void {
	const slugger = new GithubSlugger();
	visit(tree, 'heading', (h: Heading) => {
		h.data = { ...h.data, docId, siteSlug: slugger.slug(headingText(h)) } as Heading['data'];
	});
}

export interface FileAnchors {
	/** docId -> site slug -> slug in this file. */
	bySite: Map<string, Map<string, string>>;
	/** docId -> slug of the heading that starts it (merged files). */
	docStart: Map<string, string>;
}

export function fileAnchors(tree: Root): FileAnchors {
	const slugger = new GithubSlugger();
	const anchors: FileAnchors = { bySite: new Map(), docStart: new Map() };
	visit(tree, 'heading', (h: Heading) => {
		const slug = slugger.slug(headingText(h));
		const tag = (h.data ?? {}) as HeadingTag;
		if (!tag.docId) return;
		if (tag.docTitle) anchors.docStart.set(tag.docId, slug);
		else if (tag.siteSlug) {
			const map = anchors.bySite.get(tag.docId) ?? new Map<string, string>();
			if (!map.has(tag.siteSlug)) map.set(tag.siteSlug, slug);
			anchors.bySite.set(tag.docId, map);
		}
	});
	return anchors;
}

export interface LinkContext {
	/** The file the link is written in, relative to the export folder. */
	file: string;
	/** The document the link is written in. */
	docId: string;
	/** Document id -> the file it was exported to. */
	fileOf: Map<string, string>;
	/** File -> its anchors. */
	anchorsOf: Map<string, FileAnchors>;
	/** Site folders (`playbooks`) exported whole into one file -> that file. */
	folderFile: Map<string, string>;
	/** Absolute address of the live site, for pages that are not exported (alerts, records, search). */
	siteUrl: string;
}

/** The export's href for a link written in a document, or the link unchanged when it leaves the site. */
export function rewriteHref(href: string, ctx: LinkContext): string {
	if (href.startsWith('#')) return `#${anchorIn(ctx.docId, href.slice(1), ctx, ctx.file)}`;
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const hash = href.indexOf('#');
	const pathPart = hash === -1 ? href : href.slice(0, hash);
	const anchor = hash === -1 ? '' : href.slice(hash + 1);
	const id = pathPart.replace(/^\/+|\/+$/g, '');
	const target = ctx.fileOf.get(id) ?? (!id.includes('/') ? ctx.folderFile.get(id) : undefined);
	if (!target) return `${ctx.siteUrl.replace(/\/$/, '')}${href}`;
	const fileAnchor = ctx.fileOf.has(id)
		? anchor
			? anchorIn(id, anchor, ctx, target)
			: (ctx.anchorsOf.get(target)?.docStart.get(id) ?? '')
		: anchor;
	const relative = target === ctx.file ? '' : path.posix.relative(path.posix.dirname(ctx.file), target);
	return `${relative}${fileAnchor ? `#${fileAnchor}` : ''}` || '#';
}

function anchorIn(docId: string, siteSlug: string, ctx: LinkContext, file: string): string {
	return ctx.anchorsOf.get(file)?.bySite.get(docId)?.get(siteSlug) ?? siteSlug;
}
