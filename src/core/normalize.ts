/**
 * Front matter as teams wrote it for other tools, made into a document the site can show (issue #17). The default
 * profile needs only a title (front matter → first `#` heading → file name) and rejects nothing: fields of other tools
 * are mapped (Hugo `weight`, Docusaurus `sidebar_position` → order; `summary` → description; `aliases` → redirects;
 * `draft: true` → left out), their display switches (`bookHidden`, `hide`) ignored, a value of the wrong shape
 * coerced when the intent is clear (`owner: SRE`, `tags: k8s`) and otherwise dropped with a note naming the field.
 * Defaults come from config and the folders' `_defaults.yaml`, nearest last. Pure: no file access.
 */
import type { DocumentDefaults } from './config.ts';
import { FALLBACK_KIND, kindByShape, kindForFolder, type KindTable } from './kinds.ts';
import { outline } from './markdown-outline.ts';
import { parseIsoDate } from './text-input.ts';
import { STATUSES, TEST_METHODS, type DocData } from './document-schema.ts';
import { folderId, type DocumentFile } from './sources.ts';

export interface NormalizeInput {
	doc: Pick<DocumentFile, 'rel' | 'format' | 'folder' | 'name' | 'index'>;
	id: string;
	/** Parsed front matter (YAML dates may be Date objects or strings). */
	frontmatter: Record<string, unknown>;
	body: string;
	/** Site-wide first, nearest folder last. */
	defaults: DocumentDefaults[];
	kinds: KindTable;
	/** The site's own front-matter fields (config `frontmatter`): kept as written in `data.extra`. */
	extraFields?: readonly string[];
}

export interface NormalizeNote {
	/** Front matter path the note is about; [] for the document as a whole. */
	path: Array<string | number>;
	message: string;
}

export interface Normalized {
	data: DocData;
	/** `draft: true` (Hugo, Docusaurus) or `published: false` (Jekyll): left out of the site and reported. */
	draft: boolean;
	titleFrom: 'frontmatter' | 'heading' | 'file';
	notes: NormalizeNote[];
	/** Front matter keys no mapping uses (reported once per key in the coverage report, not per file). */
	unusedKeys: string[];
	/** Where the kind came from: a declared kind owes its sections; one guessed from the folder does not. */
	kindFrom: 'frontmatter' | 'defaults' | 'shape' | 'folder' | 'fallback';
}

/** Keys of other tools that only steer their own theme or menu: ignored without a note. */
const IGNORED = new Set([
	'bookHidden',
	'bookFlatSection',
	'bookToc',
	'bookCollapseSection',
	'bookComments',
	'bookSearchExclude',
	'hide',
	'hidden',
	'sidebar_label',
	'sidebar_class_name',
	'sidebar_custom_props',
	'displayed_sidebar',
	'hide_title',
	'hide_table_of_contents',
	'pagination_label',
	'pagination_next',
	'pagination_prev',
	'custom_edit_url',
	'toc',
	'toc_min_heading_level',
	'toc_max_heading_level',
	'layout',
	'menu',
	'type',
	'linkTitle',
	'date',
	'lastmod',
	'publishDate',
	'expiryDate',
	'keywords',
	'author',
	'authors',
	'image',
	'images',
	'search',
	'template',
	'comments',
	'nav_exclude',
	'parent',
	'has_children',
	'permalink',
	'cascade',
	'headless',
	'build',
	'outputs',
	'markup',
	'sitemap',
	'icon',
	'status_code',
]);
const MAPPED = new Set([
	'weight',
	'sidebar_position',
	'nav_order',
	'position',
	'summary',
	'slug',
	'url',
	'id',
	'aliases',
	'redirect_from',
	'draft',
	'published',
	'categories',
	'alert',
]);
const OWN = new Set([
	'title',
	'description',
	'kind',
	'owner',
	'service',
	'status',
	'lastReviewed',
	'reviewEvery',
	'lastTested',
	'duration',
	'alerts',
	'related',
	'tags',
	'covers',
	'severity',
	'phases',
	'order',
]);
const TAG = /^[a-z0-9][a-z0-9-]*$/;

export function normalizeDocument(input: NormalizeInput): Normalized {
	const { doc, frontmatter: fm, body } = input;
	const notes: NormalizeNote[] = [];
	const note = (path: Array<string | number>, message: string) => notes.push({ path, message });
	const merged = mergeDefaults(input.defaults);
	const headings = outline(body);

	const str = (key: string): string | undefined => {
		const v = fm[key];
		if (v === undefined || v === null) return undefined;
		if (typeof v === 'string' && v.trim()) return v.trim();
		if (typeof v === 'number') return String(v);
		if (typeof v !== 'string') note([key], `expected text, got ${describeValue(v)}: ignored`);
		return undefined;
	};
	const int = (key: string, positive = true): number | undefined => {
		const v = fm[key];
		if (v === undefined || v === null) return undefined;
		const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
		if (typeof n === 'number' && Number.isInteger(n) && (!positive || n > 0)) return n;
		note([key], `expected a${positive ? ' positive' : 'n'} whole number, got ${describeValue(v)}: ignored`);
		return undefined;
	};

	// Title: front matter, else the first "#" heading, else the file name (for an index page: its folder's name).
	const h1 = headings.find((h) => h.depth === 1);
	let titleFrom: Normalized['titleFrom'] = 'frontmatter';
	let title = str('title');
	if (!title && h1 && stripInline(h1.text)) {
		title = stripInline(h1.text);
		titleFrom = 'heading';
	}
	if (!title) {
		title = titleFromName(doc.index ? (doc.folder.split('/').pop() ?? doc.name) : doc.name);
		titleFrom = 'file';
	}

	const order =
		int('order', false) ??
		int('weight', false) ??
		int('sidebar_position', false) ??
		int('nav_order', false) ??
		int('position', false);

	const status =
		fm.status === undefined
			? merged.status
			: (STATUSES as readonly unknown[]).includes(fm.status)
				? (fm.status as DocData['status'])
				: undefined;
	if (fm.status !== undefined && !status)
		note(['status'], `"${String(fm.status)}" is not one of ${STATUSES.join(', ')}: ignored`);

	const owner = ownerOf(fm.owner, (m) => note(['owner'], m)) ?? ownerOf(merged.owner, () => {});

	const lastReviewed = dayOf(fm.lastReviewed, (m) => note(['lastReviewed'], m));
	let lastTested: DocData['lastTested'];
	if (fm.lastTested !== undefined) {
		const t = fm.lastTested as { date?: unknown; method?: unknown } | null;
		const date = t && typeof t === 'object' ? dayOf(t.date, (m) => note(['lastTested', 'date'], m)) : undefined;
		const method =
			t && typeof t === 'object' && (TEST_METHODS as readonly unknown[]).includes(t.method)
				? String(t.method)
				: undefined;
		if (date && method) lastTested = { date, method };
		else note(['lastTested'], `expected { date: 2026-01-31, method: ${TEST_METHODS.join(' | ')} }: ignored`);
	}

	const explicitTags = [
		...listOf(fm.tags, (m) => note(['tags'], m)),
		...listOf(fm.categories, (m) => note(['categories'], m)),
	];
	const tags = unique([...(merged.tags ?? []), ...explicitTags].map(tagOf).filter((t): t is string => Boolean(t)));

	const alerts = unique([
		...listOf(fm.alerts, (m) => note(['alerts'], m)),
		...listOf(fm.alert, (m) => note(['alert'], m)),
	]);
	const related = listOf(fm.related, (m) => note(['related'], m));
	const covers = listOf(fm.covers, (m) => note(['covers'], m)).filter((c) => /^\d+\.\d+$/.test(c));
	const phases = phasesOf(fm.phases, (m) => note(['phases'], m));

	const { kind, from: kindFrom } = kindOf(input, fm.kind, merged.kind, headings, (m) => note(['kind'], m));
	const description = str('description') ?? str('summary');
	const aliases = [
		...listOf(fm.aliases, (m) => note(['aliases'], m)),
		...listOf(fm.redirect_from, (m) => note(['redirect_from'], m)),
	];

	const data: DocData = {
		title,
		excerpt: excerptOf(body),
		kind,
		status: status ?? 'active',
		alerts,
		related,
		tags,
		covers,
		phases,
		order: order ?? 100,
		aliases,
		extra: {},
		source: { path: doc.rel, format: doc.format, folder: folderId(doc.folder), index: doc.index },
	};
	if (description) data.description = description;
	if (owner) data.owner = owner;
	const service = str('service') ?? merged.service;
	if (service) data.service = service;
	if (lastReviewed) data.lastReviewed = lastReviewed;
	const reviewEvery = int('reviewEvery') ?? merged.reviewEvery;
	if (reviewEvery) data.reviewEvery = reviewEvery;
	if (lastTested) data.lastTested = lastTested;
	const duration = int('duration');
	if (duration) data.duration = duration;
	const severity = str('severity');
	if (severity) data.severity = severity;

	const draft = fm.draft === true || fm.draft === 'true' || fm.published === false;
	// The site's own fields, as written: the content check validated them against the site's schema.
	const extraFields = new Set(input.extraFields ?? []);
	for (const k of extraFields) if (fm[k] !== undefined && fm[k] !== null) data.extra[k] = fm[k];
	const unusedKeys = Object.keys(fm).filter(
		(k) => !OWN.has(k) && !MAPPED.has(k) && !IGNORED.has(k) && !extraFields.has(k),
	);
	void input.id;
	return { data, draft, titleFrom, notes, unusedKeys, kindFrom };
}

/** Later defaults win; tags add up. */
export function mergeDefaults(chain: DocumentDefaults[]): DocumentDefaults {
	const out: DocumentDefaults = {};
	for (const d of chain) {
		for (const [k, v] of Object.entries(d)) {
			if (v === undefined) continue;
			if (k === 'tags') out.tags = unique([...(out.tags ?? []), ...(v as string[])]);
			else (out as Record<string, unknown>)[k] = v;
		}
	}
	return out;
}

function kindOf(
	input: NormalizeInput,
	written: unknown,
	fromDefaults: string | undefined,
	headings: Array<{ depth: number; text: string }>,
	note: (m: string) => void,
): { kind: string; from: Normalized['kindFrom'] } {
	const { kinds, doc } = input;
	if (typeof written === 'string' && kinds[written]) return { kind: written, from: 'frontmatter' };
	if (written !== undefined) note(`unknown kind "${String(written)}"; kinds: ${Object.keys(kinds).join(', ')}`);
	if (fromDefaults && kinds[fromDefaults]) return { kind: fromDefaults, from: 'defaults' };
	// The shape before the folder: 110 alert runbooks under runbooks/ are alert runbooks, not step-by-step runbooks.
	const h2 = headings.filter((h) => h.depth === 2).map((h) => stripInline(h.text));
	const byShape = kindByShape(kinds, h2);
	if (byShape) return { kind: byShape, from: 'shape' };
	// A folder's own page (README.md, _index.md) introduces the folder; it is of the folder's kind only by its shape.
	const top = doc.index ? '' : (folderId(doc.folder).split('/')[0] ?? '');
	const byFolder = top ? kindForFolder(kinds, top) : undefined;
	return byFolder ? { kind: byFolder, from: 'folder' } : { kind: FALLBACK_KIND, from: 'fallback' };
}

/** A file named like a Prometheus alert (`KubePodCrashLooping`): CamelCase, no separators. */
export function isAlertName(name: string): boolean {
	return /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(name) && /[a-z][A-Z]/.test(name);
}

function ownerOf(v: unknown, note: (m: string) => void): DocData['owner'] | undefined {
	if (v === undefined || v === null) return undefined;
	if (typeof v === 'string' && v.trim()) return { team: v.trim() };
	if (typeof v === 'object' && !Array.isArray(v)) {
		const o = v as { team?: unknown; role?: unknown };
		if (typeof o.team === 'string' && o.team.trim()) {
			return typeof o.role === 'string' && o.role.trim()
				? { team: o.team.trim(), role: o.role.trim() }
				: { team: o.team.trim() };
		}
	}
	note(`expected a team name or { team, role }, got ${describeValue(v)}: ignored`);
	return undefined;
}

function dayOf(v: unknown, note: (m: string) => void): Date | undefined {
	if (v === undefined || v === null) return undefined;
	if (v instanceof Date && !Number.isNaN(v.getTime()))
		return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
	if (typeof v === 'string') {
		const parsed = parseIsoDate(v.trim().slice(0, 10));
		if (parsed.ok) return parsed.date;
	}
	note(`expected a date like 2026-01-31, got ${describeValue(v)}: ignored`);
	return undefined;
}

function listOf(v: unknown, note: (m: string) => void): string[] {
	if (v === undefined || v === null) return [];
	if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
	if (Array.isArray(v)) {
		const out: string[] = [];
		for (const item of v) {
			if (typeof item === 'string' || typeof item === 'number') out.push(String(item).trim());
			else if (item && typeof item === 'object' && typeof (item as { label?: unknown }).label === 'string')
				out.push((item as { label: string }).label);
			else note(`expected a list of names, got ${describeValue(item)} in it: that item is ignored`);
		}
		return out.filter(Boolean);
	}
	note(`expected a list, got ${describeValue(v)}: ignored`);
	return [];
}

function phasesOf(v: unknown, note: (m: string) => void): DocData['phases'] {
	if (v === undefined || v === null) return [];
	const ok =
		Array.isArray(v) &&
		v.every(
			(p) =>
				p &&
				typeof p === 'object' &&
				TAG.test(String(p.id)) &&
				typeof p.title === 'string' &&
				Number.isInteger(p.minutes) &&
				p.minutes > 0,
		);
	if (ok) return (v as DocData['phases']).map((p) => ({ id: p.id, title: p.title, minutes: p.minutes }));
	note('expected a list of { id, title, minutes }: ignored');
	return [];
}

function tagOf(t: string): string | undefined {
	const slug = t
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return TAG.test(slug) ? slug : undefined;
}

/** `scaling-nodes` → "Scaling nodes"; a name without separators (an alert name) stays as written. */
export function titleFromName(name: string): string {
	const bare = name.replace(/^_+/, '');
	if (!/[-_\s]/.test(bare)) return bare;
	const words = bare.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Heading text without inline Markdown: what a reader sees. */
export function stripInline(text: string): string {
	return text
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\{#[^}]*\}\s*$/, '')
		.trim();
}

/** The first paragraph of prose, up to 200 characters: meta description and list text when none is written. */
export function excerptOf(body: string): string {
	const lines = body.split('\n');
	const para: string[] = [];
	let fence = false;
	for (const raw of lines) {
		const line = raw.trim();
		if (/^(`{3,}|~{3,})/.test(line)) {
			fence = !fence;
			if (para.length) break;
			continue;
		}
		if (fence) continue;
		if (!line) {
			if (para.length) break;
			continue;
		}
		if (
			/^(#|>|!!!|\?\?\?|\[\[_TOC_\]\]|\{\{|<|import |export |[-*+] |\d+\.\s|\||:::)/.test(line) ||
			/^!\[/.test(line)
		) {
			if (para.length) break;
			continue;
		}
		para.push(line);
	}
	const text = stripInline(para.join(' ')).replace(/\s+/g, ' ');
	return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

function unique<T>(xs: T[]): T[] {
	return [...new Set(xs)];
}

function describeValue(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (v instanceof Date) return 'a date';
	if (typeof v === 'object') return 'a mapping';
	return JSON.stringify(v);
}
