/**
 * The documents of a content folder as the site will show them, read once from the sources: inventory, front matter
 * (YAML or TOML), folder defaults, normalised data and URL id. The content check and the content collection's loader
 * both call this, so the page a reader gets and the problems a build reports come from the same reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { documentDefaultsSchema, type DocumentDefaults } from './config.ts';
import { readSourceFile, type SourceFile } from './content-files.ts';
import type { ContentProblem } from './errors.ts';
import type { KindTable } from './kinds.ts';
import type { FolderCategory } from './nav.ts';
import { normalizeDocument, type Normalized } from './normalize.ts';
import { readText } from './text-input.ts';
import {
	documentId,
	folderId,
	idCollisions,
	scanContent,
	writtenPath,
	type ContentInventory,
	type DocumentFile,
} from './sources.ts';
import { parseYamlWithLines } from './yaml.ts';
import { validateLocated } from './yaml-schema.ts';

export interface SiteDocumentsOptions {
	defaults?: DocumentDefaults;
	folders?: Record<string, DocumentDefaults>;
	kinds: KindTable;
	exclude?: readonly string[];
	/** The site's own front-matter fields (config `extraFields`). */
	extraFields?: readonly string[];
}

export interface SiteDocument {
	doc: DocumentFile;
	source: SourceFile;
	/** URL path without base or trailing slash. */
	id: string;
	/** Front matter as parsed (undefined when it does not parse). */
	frontmatter: Record<string, unknown> | undefined;
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	/** YAML/TOML syntax errors in the front matter, with lines. */
	syntaxErrors: ContentProblem[];
	/** Defaults that applied (site, configured folders, `_defaults.yaml`), outermost first. */
	defaults: DocumentDefaults[];
	normalized: Normalized;
	/** Paths that redirect to this document: the name as written, `aliases`. Without base, no slashes around. */
	redirects: string[];
}

export interface SiteDocuments {
	inventory: ContentInventory;
	/** Every document, drafts included (normalized.draft says which). */
	all: SiteDocument[];
	/** Problems with `_defaults.yaml` and `_category_.json` files and URL collisions: both profiles report them. */
	problems: ContentProblem[];
}

export function loadSiteDocuments(dir: string, options: SiteDocumentsOptions): SiteDocuments {
	const inventory = scanContent(dir, { exclude: options.exclude ?? [] });
	const problems: ContentProblem[] = [];
	const folderDefaults = new Map<string, DocumentDefaults>();
	for (const [folder, file] of inventory.defaultsFiles) {
		const parsed = validateLocated(parseYamlWithLines(readText(file)), documentDefaultsSchema, { file });
		problems.push(...parsed.problems);
		if (parsed.data) folderDefaults.set(folder, parsed.data);
	}
	const categories = new Map<string, FolderCategory>();
	for (const [folder, file] of inventory.categoryFiles) {
		const read = readCategory(file, readText(file));
		problems.push(...read.problems);
		if (read.category && folder) categories.set(folder, read.category);
	}
	const navOrder = mkdocsNavOrder(dir);
	const configured = Object.entries(options.folders ?? {}).map(([k, v]) => [folderId(k), v] as const);

	const all = inventory.documents.map((doc): SiteDocument => {
		const source = readSourceFile(dir, doc.file);
		const front = parseFrontmatter(source);
		const ancestors = ancestorFolders(doc.folder);
		const defaults = [
			...(options.defaults ? [options.defaults] : []),
			...ancestors.flatMap((a) => configured.filter(([k]) => k === folderId(a)).map(([, v]) => v)),
			...ancestors.flatMap((a) => (folderDefaults.has(a) ? [folderDefaults.get(a)!] : [])),
		];
		const fm = front.data ?? {};
		const id = documentId(doc, fm);
		const normalized = normalizeDocument({
			doc,
			id,
			frontmatter: fm,
			body: source.body,
			defaults,
			kinds: options.kinds,
			extraFields: options.extraFields ?? [],
		});
		// mkdocs.yml's nav is the order MkDocs sites chose; front matter (weight, order) still wins.
		const navAt = navOrder.get(doc.rel);
		if (navAt !== undefined && normalized.data.order === 100 && !hasOrder(fm)) normalized.data.order = navAt;
		const placed = ancestors.flatMap((a) =>
			categories.has(a) ? [{ folder: folderId(a), ...categories.get(a)! }] : [],
		);
		if (placed.length) normalized.data.source.categories = placed;
		const written = writtenPath(doc);
		const redirects = [written, ...normalized.data.aliases.map((a) => aliasPath(a, doc.folder))].filter(
			(r) => r && r !== id,
		);
		return {
			doc,
			source,
			id,
			frontmatter: front.data,
			lineOf: front.lineOf,
			syntaxErrors: front.errors,
			defaults,
			normalized,
			redirects: [...new Set(redirects)],
		};
	});

	const published = all.filter((d) => !d.normalized.draft);
	for (const c of idCollisions(published.map((d) => ({ id: d.id, file: d.doc.file })))) {
		const names = c.files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
		for (const file of c.files) {
			problems.push({
				file,
				line: 1,
				field: 'URL',
				message: `${names.join(' and ')} would all be /${c.id}/: rename one, or give one a slug`,
			});
		}
	}
	return { inventory, all, problems };
}

/**
 * A Docusaurus category file (`_category_.json`, `_category_.yml`): `label` names its folder in the navigation,
 * `position` places the folder among its siblings (as a folder page's `sidebar_position` would). `link`,
 * `collapsed`, `className` and the rest steer Docusaurus' own sidebar: ignored. JSON is read as JSON, as Docusaurus
 * reads it (a YAML reader would take what Docusaurus refuses); a syntax error is named with its line, and a field of
 * the wrong shape is dropped with a note, like front matter.
 */
export function readCategory(
	file: string,
	text: string,
): { category: FolderCategory | undefined; problems: ContentProblem[] } {
	const name = path.basename(file);
	let data: unknown;
	let lineOf: (key: string) => number;
	if (name.endsWith('.json')) {
		try {
			data = JSON.parse(text);
		} catch (error) {
			const { line, column } = jsonErrorAt(text, (error as Error).message);
			const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '');
			return { category: undefined, problems: [{ file, line, column, message: `JSON syntax: ${reason}` }] };
		}
		lineOf = (key) => {
			const at = new RegExp(`"${key}"\\s*:`).exec(text)?.index;
			return at === undefined ? 1 : lineAt(text, at).line;
		};
	} else {
		const yaml = parseYamlWithLines(text);
		if (yaml.syntaxErrors.length) {
			const problems = yaml.syntaxErrors.map((e) => ({
				file,
				line: e.line,
				column: e.column,
				message: `YAML syntax: ${e.message}`,
			}));
			return { category: undefined, problems };
		}
		data = yaml.data ?? {};
		lineOf = (key) => yaml.lineOf([key]);
	}
	if (!data || typeof data !== 'object' || Array.isArray(data))
		return {
			category: undefined,
			problems: [{ file, line: 1, message: `expected an object like { "label": "Databases", "position": 2 }` }],
		};
	const { label, position } = data as { label?: unknown; position?: unknown };
	const problems: ContentProblem[] = [];
	const category: FolderCategory = {};
	if (typeof label === 'string' && label.trim()) category.label = label.trim();
	else if (label !== undefined)
		problems.push({
			file,
			line: lineOf('label'),
			field: 'label',
			message: "expected the folder's name as text: ignored",
		});
	if (typeof position === 'number' && Number.isFinite(position)) category.order = position;
	else if (position !== undefined)
		problems.push({ file, line: lineOf('position'), field: 'position', message: 'expected a number: ignored' });
	return { category: category.label || category.order !== undefined ? category : undefined, problems };
}

/** Where JSON.parse stopped: V8 names an offset ("at position 19"), or nothing when the text ended early. */
function jsonErrorAt(text: string, message: string): { line: number; column: number } {
	const offset = /at position (\d+)/.exec(message)?.[1];
	return lineAt(text, offset === undefined ? text.trimEnd().length : Number(offset));
}

function lineAt(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const hasOrder = (fm: Record<string, unknown>) =>
	['order', 'weight', 'sidebar_position', 'nav_order', 'position'].some((k) => fm[k] !== undefined);

/**
 * Positions of pages in an MkDocs `nav:` (mkdocs.yml beside or above the content folder), depth first, from 1.
 * Entries are `path.md`, `{ Title: path.md }` or `{ Section: [entries] }`; external links are skipped.
 */
export function mkdocsNavOrder(dir: string): Map<string, number> {
	const out = new Map<string, number>();
	const file = [
		path.join(dir, '..', 'mkdocs.yml'),
		path.join(dir, '..', 'mkdocs.yaml'),
		path.join(dir, 'mkdocs.yml'),
	].find((f) => fs.existsSync(f));
	if (!file) return out;
	let config: unknown;
	try {
		// MkDocs files carry Python tags (!!python/name:…) the YAML reader does not know: they are read as text.
		config = parseYaml(readText(file), { logLevel: 'silent', strict: false, uniqueKeys: false });
	} catch {
		return out;
	}
	const walk = (items: unknown) => {
		if (!Array.isArray(items)) return;
		for (const item of items) {
			if (typeof item === 'string') out.set(item.replace(/^\.?\//, ''), out.size + 1);
			else if (item && typeof item === 'object') {
				for (const value of Object.values(item)) {
					if (typeof value === 'string' && !/^[a-z]+:/i.test(value)) out.set(value.replace(/^\.?\//, ''), out.size + 1);
					else walk(value);
				}
			}
		}
	};
	walk((config as { nav?: unknown } | null)?.nav);
	return out;
}

/** '' then each folder down to `folder` itself. */
function ancestorFolders(folder: string): string[] {
	const parts = folder.split('/').filter(Boolean);
	return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/** A Hugo alias is site-absolute ("/old/path/") or relative to the document's folder. */
function aliasPath(alias: string, folder: string): string {
	const clean = alias.trim().replace(/\.html?$/, '');
	const joined = clean.startsWith('/') ? clean : path.posix.join('/', folder, clean);
	return joined.replace(/^\/+|\/+$/g, '');
}

interface ParsedFront {
	data: Record<string, unknown> | undefined;
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	errors: ContentProblem[];
}

export function parseFrontmatter(source: SourceFile): ParsedFront {
	const first = source.frontmatterLine || 1;
	if (!source.frontmatterLine) return { data: {}, lineOf: () => 1, errors: [] };
	if (source.frontmatterFormat === 'toml') {
		try {
			const data = parseToml(source.frontmatter) as Record<string, unknown>;
			const lines = source.frontmatter.split('\n');
			const lineOf = (p: ReadonlyArray<PropertyKey>) => {
				const key = String(p[0] ?? '');
				const i = key
					? lines.findIndex((l) =>
							new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`).test(l),
						)
					: -1;
				return i === -1 ? first : first + i;
			};
			return { data, lineOf, errors: [] };
		} catch (error) {
			const line = (error as { line?: number }).line;
			return {
				data: undefined,
				lineOf: () => first,
				errors: [
					{
						file: source.file,
						line: line ? first + line - 1 : first,
						message: `frontmatter: TOML syntax: ${(error as Error).message.split('\n')[0]}`,
					},
				],
			};
		}
	}
	const yaml = parseYamlWithLines(source.frontmatter, first - 1);
	if (yaml.syntaxErrors.length) {
		const errors = yaml.syntaxErrors.map((e) => ({
			file: source.file,
			line: e.line,
			column: e.column,
			message: `frontmatter: YAML syntax: ${e.message}`,
		}));
		return { data: undefined, lineOf: yaml.lineOf, errors };
	}
	const data =
		yaml.data && typeof yaml.data === 'object' && !Array.isArray(yaml.data)
			? (yaml.data as Record<string, unknown>)
			: {};
	return { data, lineOf: yaml.lineOf, errors: [] };
}
