/**
 * What is in a content folder, as the site reads it: documents (.md and .mdx in any folder tree), attachments beside
 * them (published as they are), folder defaults, and every other file, which the build lists in a warning instead of
 * skipping in silence (issue #17: a build once ignored 110 .md files without a word).
 *
 * URLs come from file names as teams wrote them: lower-cased, spaces to dashes, so `KubePodCrashLooping.md` is
 * /kubepodcrashlooping/ and the original name is kept as a redirect. `README.md`, `index.md` and `_index.md` are their
 * folder's own page. The walk is the only I/O; ids, redirects and collisions are pure functions of the file list.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DOCUMENT_EXTENSIONS = ['.md', '.mdx'] as const;
/** Published beside the pages and precached with them; links to them are checked like links to pages. */
export const ATTACHMENT_EXTENSIONS = [
	'.png',
	'.jpg',
	'.jpeg',
	'.gif',
	'.svg',
	'.webp',
	'.pdf',
	'.txt',
	'.csv',
] as const;
const INDEX_NAMES = new Set(['readme', 'index', '_index']);
/** Files Opsbook reads itself (facts, policy, allow-list, folder defaults) or that other tools keep beside content. */
const CONFIG_FILES = new Set([
	'facts.yaml',
	'policy.yaml',
	'secrets-allowlist.yaml',
	'_defaults.yaml',
	'_defaults.yml',
	'_category_.json',
	'_category_.yml',
	'_category_.yaml',
	'.pages',
	'.gitkeep',
	'.keep',
]);
const CATEGORY_FILES = ['_category_.json', '_category_.yml', '_category_.yaml'];
/** Folders with a collection of their own (cards, records) are not documents. */
export const RESERVED_FOLDERS = ['cards', 'records'] as const;
const SKIPPED_DIRS = new Set(['node_modules']);

export interface DocumentFile {
	/** Absolute path. */
	file: string;
	/** Path in the content folder, '/'-separated, as written: `runbooks/kubernetes/KubePodCrashLooping.md`. */
	rel: string;
	format: 'md' | 'mdx';
	/** Folder in the content folder, '' at the top. */
	folder: string;
	/** File name without extension, as written. */
	name: string;
	/** README.md / index.md / _index.md: the folder's own page. */
	index: boolean;
}

export interface AttachmentFile {
	file: string;
	rel: string;
	/** Site path without the base: `runbooks/kubernetes/img/diagram.png`. */
	url: string;
}

export interface ContentInventory {
	documents: DocumentFile[];
	attachments: AttachmentFile[];
	/** `_defaults.yaml` files by folder ('' for the content folder itself). */
	defaultsFiles: Map<string, string>;
	/** Docusaurus `_category_.json` / `_category_.yml` files by folder: a folder's label and position. */
	categoryFiles: Map<string, string>;
	/** Files the build does not read, content-relative. */
	unread: string[];
}

export interface InventoryOptions {
	/** Globs (content-relative) of files to leave out (config `exclude`). */
	exclude?: readonly string[];
	/** Top-level folders owned by another collection. */
	reserved?: readonly string[];
}

/** Walks the content folder once. Hidden files and folders (.git, .github) are not content. */
export function scanContent(dir: string, options: InventoryOptions = {}): ContentInventory {
	const reserved = new Set(options.reserved ?? RESERVED_FOLDERS);
	const exclude = options.exclude ?? [];
	const out: ContentInventory = {
		documents: [],
		attachments: [],
		defaultsFiles: new Map(),
		categoryFiles: new Map(),
		unread: [],
	};
	if (!fs.existsSync(dir)) return out;
	const walk = (abs: string, rel: string) => {
		for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			if (entry.name.startsWith('.')) continue;
			const childRel = rel ? `${rel}/${entry.name}` : entry.name;
			const childAbs = path.join(abs, entry.name);
			if (exclude.some((g) => path.matchesGlob(childRel, g))) continue;
			if (entry.isDirectory()) {
				if (SKIPPED_DIRS.has(entry.name) || (!rel && reserved.has(entry.name))) continue;
				walk(childAbs, childRel);
			} else if (entry.isFile()) {
				classify(out, childAbs, childRel, rel);
			}
		}
	};
	walk(dir, '');
	return out;
}

function classify(out: ContentInventory, file: string, rel: string, folder: string): void {
	const base = path.posix.basename(rel);
	const ext = path.posix.extname(base).toLowerCase();
	if (base === '_defaults.yaml' || base === '_defaults.yml') out.defaultsFiles.set(folder, file);
	// Docusaurus reads the first of these it finds; two in one folder is a mistake nobody makes on purpose.
	if (CATEGORY_FILES.includes(base) && !out.categoryFiles.has(folder)) out.categoryFiles.set(folder, file);
	if (CONFIG_FILES.has(base)) return;
	if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
		const name = base.slice(0, -ext.length);
		out.documents.push({
			file,
			rel,
			format: ext === '.md' ? 'md' : 'mdx',
			folder,
			name,
			index: INDEX_NAMES.has(name.toLowerCase()),
		});
	} else if ((ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) {
		out.attachments.push({ file, rel, url: attachmentUrl(rel) });
	} else {
		out.unread.push(rel);
	}
}

/** One URL segment from a name as written: lower case, runs of spaces to one dash, no URL-reserved characters. */
export function urlSegment(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/\s+/g, '-')
		.replace(/[?#%"<>\\^`{|}[\]]/g, '');
}

/**
 * Top-level paths the site's own pages use. A folder or page named like one (a team's `search/` service folder) is
 * published with "-docs" added: /search-docs/, never over the search page.
 */
export const SITE_PATHS = new Set([
	'search',
	'alerts',
	'cards',
	'approval',
	'records',
	'coverage',
	'offline',
	'pagefind',
	'_astro',
	'404',
	'environments.json',
	'alerts.json',
	'manifest.webmanifest',
]);

function publishedPath(segments: string[]): string {
	if (segments[0] && SITE_PATHS.has(segments[0])) segments[0] = `${segments[0]}-docs`;
	return segments.join('/');
}

export function folderId(folder: string): string {
	return publishedPath(folder.split('/').filter(Boolean).map(urlSegment));
}

export function attachmentUrl(rel: string): string {
	const parts = rel.split('/');
	const last = parts.pop()!;
	return publishedPath([...parts.map(urlSegment), last.replace(/\s+/g, '-').toLowerCase()].filter(Boolean));
}

/** What front matter may say about a document's URL (Hugo and Docusaurus spell it slug, url or id). */
export interface UrlFields {
	slug?: unknown;
	url?: unknown;
	id?: unknown;
}

/**
 * The document's id, which is its URL path without the base and trailing slash. A folder's index page takes the
 * folder's id; one at the top of the content folder is `readme`/`index` (the home page is the site's own).
 * `slug` or `url` starting with "/" replace the whole path; otherwise `slug`, or Docusaurus' `id`, replace the name.
 */
export function documentId(doc: Pick<DocumentFile, 'folder' | 'name' | 'index'>, fields: UrlFields = {}): string {
	const folder = folderId(doc.folder);
	const absolute = [fields.url, fields.slug].find(
		(v): v is string => typeof v === 'string' && v.trim().startsWith('/'),
	);
	if (absolute) {
		const id = publishedPath(absolute.split('/').filter(Boolean).map(urlSegment));
		if (id) return id;
	}
	const rename = [fields.slug, fields.id].find(
		(v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number',
	);
	if (rename !== undefined && !doc.index)
		return join(folder, String(rename).split('/').filter(Boolean).map(urlSegment).join('/'));
	if (doc.index) return folder || publishedPath([urlSegment(doc.name.replace(/^_+/, ''))]);
	return folder ? join(folder, urlSegment(doc.name)) : publishedPath([urlSegment(doc.name)]);
}

const join = (a: string, b: string) => (a ? `${a}/${b}` : b);

/** The path a document had as written (`runbooks/KubePodCrashLooping`): kept as a redirect when it differs. */
export function writtenPath(doc: Pick<DocumentFile, 'folder' | 'name' | 'index'>): string {
	const folder = doc.folder.split('/').filter(Boolean).join('/');
	return doc.index ? folder : join(folder, doc.name);
}

export interface IdCollision {
	id: string;
	files: string[];
}

/** Ids that more than one file maps to (case, index file beside a same-named page, slug): each names all files. */
export function idCollisions(entries: Array<{ id: string; file: string }>): IdCollision[] {
	const byId = new Map<string, string[]>();
	for (const e of entries) byId.set(e.id, [...(byId.get(e.id) ?? []), e.file]);
	return [...byId].filter(([, files]) => files.length > 1).map(([id, files]) => ({ id, files }));
}

/** Characters that are glob syntax, escaped so a file name can be passed to a glob loader as a literal. */
export function escapeGlob(rel: string): string {
	return rel.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
