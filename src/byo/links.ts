/**
 * Links as teams wrote them for GitHub, GitLab, Hugo or MkDocs, resolved to the site's URLs: `../etcd/etcdNoLeader.md`,
 * `./scaling.md#drain`, a folder (`../payments/`, its README), an image beside the document. Two conventions exist
 * and real trees mix them: relative to the file (GitHub, GitLab, MkDocs) and relative to the page's URL (Hugo, where
 * `../KubePodNotReady/` from KubePodCrashLooping.md is a sibling); the file's reading is tried first.
 *
 * Real trees have dead links (one public repository: 61 of 1161 relative links point outside it or at moved files),
 * so a link that resolves nowhere is a finding with file:line, never a crash: an error under the strict profile, a
 * warning otherwise, and on the page its text without the link.
 */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root, Nodes, Link, Image, Definition } from 'mdast';
import type { ContentProblem } from '../core/errors.ts';
import { outline } from '../core/markdown-outline.ts';
import { stripInline } from '../core/normalize.ts';
import type { SiteDocuments } from '../core/site-documents.ts';
import { folderId, urlSegment } from '../core/sources.ts';

/** Routes every site has besides documents: a site-absolute link to these is not checked here. */
const SITE_ROUTES = [
	'alerts',
	'cards',
	'search',
	'approval',
	'records',
	'coverage',
	'offline',
	'environments.json',
	'alerts.json',
	'404',
	'pagefind',
];

export interface LinkIndex {
	/** Absolute source path → document id. */
	docByFile: Map<string, string>;
	/** Lower-cased id or redirect path → document id. */
	docById: Map<string, string>;
	/** Absolute path → published URL of an attachment (no base, no leading slash). */
	attachmentByFile: Map<string, string>;
	attachmentUrls: Set<string>;
	/** Heading ids per document id, as the page will have them. */
	anchors: Map<string, Set<string>>;
	/** Top-level folders with a section page. */
	sections: Set<string>;
}

export function buildLinkIndex(site: SiteDocuments): LinkIndex {
	const published = site.all.filter((d) => !d.normalized.draft);
	const docById = new Map<string, string>();
	for (const d of published) {
		docById.set(d.id.toLowerCase(), d.id);
		for (const r of d.redirects) if (!docById.has(r.toLowerCase())) docById.set(r.toLowerCase(), d.id);
	}
	const anchors = new Map<string, Set<string>>();
	for (const d of published) {
		const slugger = new GithubSlugger();
		anchors.set(d.id, new Set(outline(d.source.body).map((h) => slugger.slug(stripInline(h.text)))));
	}
	return {
		docByFile: new Map(published.map((d) => [d.doc.file, d.id])),
		docById,
		attachmentByFile: new Map(site.inventory.attachments.map((a) => [a.file, a.url])),
		attachmentUrls: new Set(site.inventory.attachments.map((a) => a.url)),
		anchors,
		sections: new Set(published.map((d) => d.normalized.data.source.folder.split('/')[0] ?? '').filter(Boolean)),
	};
}

export type Resolution =
	| { kind: 'leave' }
	| { kind: 'page'; id: string; fragment: string; href: string }
	| { kind: 'file'; url: string; href: string }
	| { kind: 'broken'; reason: string }
	| { kind: 'anchor'; id: string; fragment: string; href: string; reason: string };

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;
const INDEX_NAMES = ['README.md', 'readme.md', 'index.md', '_index.md', 'README.mdx', 'index.mdx'];

/**
 * Where a link in `fromFile` (document `fromId`, or undefined for a card) leads: an href without the base
 * (`/runbooks/etcd/etcdnoleader/#impact`, the base is added by the shell's rehypeBaseLinks) or why it leads nowhere.
 */
export function resolveLink(url: string, fromFile: string, fromId: string | undefined, index: LinkIndex): Resolution {
	const raw = url.trim();
	// `{facts.x}` and `{env.x}` are resolved later (remark-facts); template braces are never a file.
	if (!raw || EXTERNAL.test(raw) || raw.includes('{')) return { kind: 'leave' };
	const hashAt = raw.indexOf('#');
	const pathPart = (hashAt === -1 ? raw : raw.slice(0, hashAt)).replace(/\?.*$/, '');
	const fragment = hashAt === -1 ? '' : raw.slice(hashAt + 1);
	let target: string;
	try {
		target = decodeURI(pathPart);
	} catch {
		target = pathPart;
	}
	if (!target) {
		if (!fromId || !fragment) return { kind: 'leave' };
		return withFragment(fromId, fragment, index, `#${fragment}`);
	}
	if (target.startsWith('/')) return resolveSiteAbsolute(target, fragment, index);

	const dir = path.dirname(fromFile);
	const pageDir = path.join(dir, path.basename(fromFile).replace(/\.mdx?$/i, ''));
	const bases = /^(readme|index|_index)\.mdx?$/i.test(path.basename(fromFile)) ? [dir] : [dir, pageDir];
	for (const base of bases) {
		const abs = path.resolve(base, target);
		const found = lookupFile(abs, index);
		if (found?.kind === 'file') return found;
		if (found?.kind === 'doc')
			return withFragment(found.id, fragment, index, `/${found.id}/${fragment ? `#${fragment}` : ''}`);
	}
	return { kind: 'broken', reason: 'no such page or file' };
}

function lookupFile(
	abs: string,
	index: LinkIndex,
): { kind: 'doc'; id: string } | (Resolution & { kind: 'file' }) | undefined {
	const clean = abs.replace(/\/+$/, '');
	const attachment = index.attachmentByFile.get(clean);
	if (attachment) return { kind: 'file', url: attachment, href: `/${attachment}` };
	const candidates = [clean, `${clean}.md`, `${clean}.mdx`, ...INDEX_NAMES.map((n) => path.join(clean, n))];
	for (const c of candidates) {
		const id = index.docByFile.get(c);
		if (id) return { kind: 'doc', id };
	}
	return undefined;
}

function resolveSiteAbsolute(target: string, fragment: string, index: LinkIndex): Resolution {
	const trimmed = target
		.replace(/^\/+|\/+$/g, '')
		.replace(/\.mdx?$/i, '')
		.replace(/\/(readme|index|_index)$/i, '');
	if (!trimmed) return { kind: 'leave' };
	const top = trimmed.split('/')[0]!;
	if (SITE_ROUTES.includes(top)) return { kind: 'leave' };
	const asId = trimmed.split('/').map(urlSegment).join('/');
	const id = index.docById.get(trimmed.toLowerCase()) ?? index.docById.get(asId);
	if (id) return withFragment(id, fragment, index, `/${id}/${fragment ? `#${fragment}` : ''}`);
	if (index.sections.has(asId)) return { kind: 'leave' };
	if (index.attachmentUrls.has(trimmed.toLowerCase())) return { kind: 'leave' };
	return { kind: 'broken', reason: 'no such page' };
}

function withFragment(id: string, fragment: string, index: LinkIndex, href: string): Resolution {
	const ids = index.anchors.get(id);
	if (!fragment || !ids || ids.has(fragment) || ids.has(fragment.toLowerCase())) {
		return {
			kind: 'page',
			id,
			fragment,
			href: fragment && !ids?.has(fragment) ? href.replace(`#${fragment}`, `#${fragment.toLowerCase()}`) : href,
		};
	}
	return {
		kind: 'anchor',
		id,
		fragment,
		href: href.replace(/#.*$/, ''),
		reason: `no element with id "${fragment}" on /${id}/`,
	};
}

/** Every link, image and link definition of a parsed document, with its line. */
export function linksOf(tree: Root): Array<Link | Image | Definition> {
	const out: Array<Link | Image | Definition> = [];
	const walk = (node: Nodes) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') out.push(node);
		if ('children' in node) for (const child of node.children) walk(child as Nodes);
	};
	walk(tree);
	return out;
}

export interface LinkReport {
	problems: ContentProblem[];
	/** Counts for the coverage report. */
	links: number;
	broken: number;
	images: number;
	missingImages: number;
}

/** Links and images of every parsed document, each one that leads nowhere as a problem with file:line. */
export function checkSourceLinks(files: Array<{ file: string; tree: Root }>, index: LinkIndex): LinkReport {
	const report: LinkReport = { problems: [], links: 0, broken: 0, images: 0, missingImages: 0 };
	for (const { file, tree } of files) {
		const fromId = index.docByFile.get(file);
		if (!fromId) continue;
		for (const node of linksOf(tree)) {
			const image = node.type === 'image';
			const r = resolveLink(node.url, file, fromId, index);
			if (r.kind === 'leave') continue;
			if (image) report.images++;
			else report.links++;
			if (r.kind === 'broken' || r.kind === 'anchor') {
				if (image) report.missingImages++;
				else report.broken++;
				const line = node.position?.start.line;
				report.problems.push({
					file,
					...(line ? { line } : {}),
					field: image ? 'image' : 'link',
					message: `"${node.url}": ${r.reason}`,
				});
			}
		}
	}
	return report;
}

export { folderId };
