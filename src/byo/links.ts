/**
 * Links as teams wrote them for GitHub, GitLab, Hugo or MkDocs, resolved to the site's URLs: `../etcd/etcdNoLeader.md`,
 * `./scaling.md#drain`, a folder (`../payments/`, its README), an image beside the document. Two conventions exist
 * and real trees mix them: relative to the file (GitHub, GitLab, MkDocs) and relative to the page's URL (Hugo, where
 * `../KubePodNotReady/` from KubePodCrashLooping.md is a sibling); the file's reading is tried first.
 *
 * Real trees have dead links (one public repository: 61 of 1161 relative links point outside it or at moved files),
 * so a link that resolves nowhere is a finding with file:line, never a crash: an error under the strict profile, a
 * warning otherwise, and on the page its text without the link.
 *
 * Raw HTML in Markdown (`<img src="../images/grafana.png" width="600">`, `<a href="runbook.pdf">`) and lower-case
 * JSX in MDX carry URLs too: they are found here (rawHtmlUrls, jsxUrlAttribute) and resolved by the same resolveLink
 * and pageUrl, for the page (remarkSourceLinks) and for the content check (checkSourceLinks) alike.
 */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root, Nodes } from 'mdast';
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

/**
 * The URL a link (`image` false) or image gets on the page, or undefined when it stays as written (external, or
 * leading nowhere). Images get the base here; hrefs get it from the shell's rehypeBaseLinks, which reads only hrefs.
 */
export function pageUrl(r: Resolution, image: boolean, base: string): string | undefined {
	if (r.kind === 'page' || r.kind === 'anchor') return r.href;
	if (r.kind === 'file') return image ? `${base}${r.url}` : r.href;
	return undefined;
}

/** Elements written as HTML whose URL attribute is resolved like Markdown's: the image's and the link's. */
const RAW_URL_ATTRIBUTES: Record<string, 'src' | 'href'> = { img: 'src', a: 'href' };

/** A URL written in raw HTML, and where its attribute (`src="…"`, whole) is in the HTML text. */
export interface RawHtmlUrl {
	tag: 'img' | 'a';
	attribute: 'src' | 'href';
	/** As the browser reads it: entities decoded. */
	url: string;
	start: number;
	end: number;
	/** Line in the HTML text, from 1. */
	line: number;
	/** The element has a title of its own (a dead link's tooltip does not replace it). */
	titled: boolean;
}

/**
 * The `<img src>` and `<a href>` of an HTML fragment, as a browser parses it (parse5, so quoting, entities and
 * tags split over lines read as they do on the page), with the attribute's offsets for an in-place rewrite. The
 * fragment may be half an element (`<details>` here, `</details>` three blocks later): nothing is re-serialised.
 */
export function rawHtmlUrls(html: string): RawHtmlUrl[] {
	// Most HTML in Markdown is comments, <br>, <details>: no parse for those.
	if (!/<(img|a)[\s>/]/i.test(html)) return [];
	const out: RawHtmlUrl[] = [];
	const walk = (nodes: Array<HastContent | Element>) => {
		for (const node of nodes) {
			if (node.type !== 'element') continue;
			const attribute = RAW_URL_ATTRIBUTES[node.tagName];
			const value = attribute && node.properties[attribute];
			const at = attribute && node.data?.position?.properties?.[attribute];
			if (attribute && typeof value === 'string' && at?.start.offset !== undefined && at.end.offset !== undefined) {
				out.push({
					tag: node.tagName as RawHtmlUrl['tag'],
					attribute,
					url: value,
					start: at.start.offset,
					end: at.end.offset,
					line: at.start.line,
					titled: node.properties.title !== undefined,
				});
			}
			walk(node.children);
			if (node.tagName === 'template' && 'content' in node) walk((node.content as HastRoot).children);
		}
	};
	walk(fromHtml(html, { fragment: true, verbose: true }).children);
	return out;
}

/** An MDX element written in lower case (`<img src="…" />`): HTML, not a component. */
export interface JsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: Array<{ type: string; name?: string; value?: unknown }>;
	position?: Nodes['position'];
}

/** The attribute of a lower-case `<img>` or `<a>` in MDX whose value is written as a plain string. */
export function jsxUrlAttribute(node: JsxElement): { name: string; value: string } | undefined {
	const name = node.name ? RAW_URL_ATTRIBUTES[node.name] : undefined;
	const attribute = name && node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
	return attribute && typeof attribute.value === 'string' ? { name, value: attribute.value } : undefined;
}

export const isJsx = (node: { type: string }): node is JsxElement =>
	node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Every URL a parsed document links to: Markdown links, images and definitions, raw HTML and MDX elements. */
export function sourceUrlsOf(tree: Root): SourceUrl[] {
	const out: SourceUrl[] = [];
	const walk = (node: Nodes) => {
		const line = node.position?.start.line;
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
			out.push({ url: node.url, image: node.type === 'image', line });
		else if (node.type === 'html') {
			for (const u of rawHtmlUrls(node.value))
				out.push({ url: u.url, image: u.tag === 'img', line: line === undefined ? undefined : line + u.line - 1 });
		} else if (isJsx(node)) {
			const attribute = jsxUrlAttribute(node);
			if (attribute) out.push({ url: attribute.value, image: node.name === 'img', line });
		}
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

export interface SourceUrl {
	url: string;
	image: boolean;
	line: number | undefined;
}

/**
 * Links and images of every document (sourceUrlsOf, kept by the content check between builds), each one that leads
 * nowhere as a problem with file:line. What they resolve against is read anew every time.
 */
export function checkSourceLinks(files: Array<{ file: string; urls: SourceUrl[] }>, index: LinkIndex): LinkReport {
	const report: LinkReport = { problems: [], links: 0, broken: 0, images: 0, missingImages: 0 };
	for (const { file, urls } of files) {
		const fromId = index.docByFile.get(file);
		if (!fromId) continue;
		for (const node of urls) {
			const { image, line } = node;
			const r = resolveLink(node.url, file, fromId, index);
			if (r.kind === 'leave') continue;
			if (image) report.images++;
			else report.links++;
			if (r.kind === 'broken' || r.kind === 'anchor') {
				if (image) report.missingImages++;
				else report.broken++;
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
