/**
 * Frontmatter of every document, checked before Astro starts.
 *
 * Two levels (config `profile`). `strict`: the full schema (shared with the content collection) plus references to
 * facts.yaml (roles, alerts, severities) and to other documents (related), every finding an error; that is the
 * level a team reaches. `default`: a title is all a document needs (src/core/normalize.ts maps what other tools
 * write), and what strict would refuse is a warning. Every problem carries file, line and field.
 */
import { z } from 'astro/zod';
import type { ContentProblem } from '../core/errors.ts';
import type { CheckedDocument } from '../core/content-files.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { docsSchema, type documentSchema, type DocData } from '../core/document-schema.ts';
import type { KindTable } from '../core/kinds.ts';
import { mergeDefaults } from '../core/normalize.ts';
import type { SiteDocument } from '../core/site-documents.ts';
import { writtenPath } from '../core/sources.ts';
import { validateLocated } from '../core/yaml-schema.ts';

export type { CheckedDocument } from '../core/content-files.ts';

/** A document as the site shows it (any profile), with what the checks need to point at its lines. */
export interface PageDocument {
	source: CheckedDocument['source'];
	data: DocData;
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	site: SiteDocument;
}

export interface FrontmatterResult {
	/** Documents whose front matter passes the full schema: what readiness, reviews and records rely on. */
	documents: CheckedDocument[];
	/** Every published document (drafts left out). */
	pages: PageDocument[];
	drafts: SiteDocument[];
	problems: ContentProblem[];
	warnings: ContentProblem[];
}

const FILE_NAME = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function checkFrontmatter(
	all: SiteDocument[],
	{ facts }: LoadedFacts,
	profile: 'default' | 'strict',
	kinds: KindTable,
	ruleAlerts: ReadonlySet<string> = new Set(),
	extra?: z.ZodObject,
): FrontmatterResult {
	const strict = profile === 'strict';
	const problems: ContentProblem[] = [];
	const warnings: ContentProblem[] = [];
	const documents: CheckedDocument[] = [];
	const pages: PageDocument[] = [];
	const drafts: SiteDocument[] = [];
	const report = (p: ContentProblem) => (strict ? problems : warnings).push(p);

	for (const site of all) {
		const { source, doc } = site;
		const { file } = source;
		// Syntax errors fail both profiles: Astro's own reader would stop on them without a line number.
		problems.push(...site.syntaxErrors);
		if (site.syntaxErrors.length) continue;
		// A folder's own page (README.md, _index.md) is named by its folder: only the folders' names must be URLs.
		const written = writtenPath(doc);
		if (strict && (written || !doc.index) && !FILE_NAME.test(written || doc.name)) {
			problems.push({
				file,
				line: 1,
				field: 'file name',
				message: `"${doc.rel.split('/').pop()}": use lowercase letters, digits and dashes (the name becomes the URL)`,
			});
		}
		if (strict && !source.frontmatterLine) {
			problems.push({
				file,
				line: 1,
				field: 'frontmatter',
				message: 'missing: start the file with a --- block (title, description, kind, owner, ...)',
			});
			continue;
		}
		// The full schema over what the author wrote plus folder defaults: strict's rule, and in the default profile the
		// test of whether a document is complete enough for readiness and review reports.
		const withDefaults = { ...defaultsAsFrontmatter(site), ...(site.frontmatter ?? {}) };
		const full = validateLocated(
			{ data: withDefaults, lineOf: site.lineOf, syntaxErrors: [], problems: [] },
			schemaFor(kinds, extra),
			{
				file,
				label: (p) => `frontmatter field "${p || '(root)'}"`,
			},
		);
		if (strict) {
			problems.push(...full.problems.map((p) => (p.field ? p : { ...p, field: 'frontmatter' })));
			if (!full.data) continue;
		}
		if (full.data) documents.push({ source, data: full.data, lineOf: site.lineOf });
		if (!strict && extra) {
			// The site's own fields, where a document gives them: a wrong value is the site's own rule broken, so it is
			// reported in both profiles (a warning here); a missing one only counts in the coverage report.
			const given = Object.keys(extra.shape).filter((k) => withDefaults[k] !== undefined);
			const own = validateLocated(
				{ data: pick(withDefaults, given), lineOf: site.lineOf, syntaxErrors: [], problems: [] },
				extra.pick(Object.fromEntries(given.map((k) => [k, true])) as Record<string, true>),
				{ file, label: (p) => `frontmatter field "${p || '(root)'}"` },
			);
			warnings.push(...own.problems);
		}
		if (!strict) {
			for (const n of site.normalized.notes) {
				warnings.push({
					file,
					line: site.lineOf(n.path),
					field: `frontmatter field "${n.path.join('.') || '(root)'}"`,
					message: n.message,
				});
			}
		}
		if (site.normalized.draft) {
			drafts.push(site);
			continue;
		}
		pages.push({ source, data: site.normalized.data, lineOf: site.lineOf, site });
	}

	// Every file is a page id, even one whose frontmatter failed: its own error is enough, no cascade of "missing".
	const ids = new Set(all.map((s) => s.id));
	const severityIds = new Set(facts.severities.map((s) => s.id));
	for (const page of pages) {
		const { data, source } = page;
		const at = (path: PropertyKey[], field: string, message: string) =>
			report({ file: source.file, line: page.lineOf(path), field: `frontmatter field "${field}"`, message });
		const folderKind = Object.values(kinds).find((k) => k.folder === source.folder)?.name;
		const home = kinds[data.kind]?.folder;
		if (strict && home && folderKind !== data.kind) {
			at(['kind'], 'kind', `"${data.kind}" documents live in content/${home}/, but this file is in ${source.folder}/`);
		}
		const role = data.owner?.role;
		if (role && !facts.roles[role]) {
			const known = Object.keys(facts.roles);
			at(
				['owner', 'role'],
				'owner.role',
				`unknown role "${role}"; ${known.length ? `roles in facts.yaml: ${known.join(', ')}` : 'define roles in facts.yaml'}`,
			);
		}
		if (strict) {
			data.alerts.forEach((alert, i) => {
				if (!facts.alerts[alert] && !ruleAlerts.has(alert))
					at(['alerts', i], `alerts.${i}`, `unknown alert "${alert}"; define it under alerts in facts.yaml`);
			});
		}
		data.related.forEach((ref, i) => {
			if (!ids.has(ref)) at(['related', i], `related.${i}`, `no document "${ref}" (ids look like runbooks/rollback)`);
		});
		if (data.severity && !severityIds.has(data.severity)) {
			at(['severity'], 'severity', `unknown severity "${data.severity}"; levels: ${[...severityIds].join(', ')}`);
		}
	}

	return { documents, pages, drafts, problems, warnings };
}

const schemas = new WeakMap<KindTable, WeakMap<z.ZodObject | typeof NO_EXTRA, typeof documentSchema>>();
const NO_EXTRA = {};

/**
 * The full schema with the site's kinds (config `kinds`: `alert` and any a site adds are valid under strict too) and
 * its own fields (config `frontmatter`): docsSchema({ extend }), as the site would write it for its own tools.
 */
function schemaFor(kinds: KindTable, extra: z.ZodObject | undefined): typeof documentSchema {
	let byExtra = schemas.get(kinds);
	if (!byExtra) schemas.set(kinds, (byExtra = new WeakMap()));
	let schema = byExtra.get(extra ?? NO_EXTRA);
	if (!schema) {
		const names = Object.keys(kinds) as [string, ...string[]];
		schema = docsSchema({ extend: extra }).extend({ kind: z.enum(names) }) as unknown as typeof documentSchema;
		byExtra.set(extra ?? NO_EXTRA, schema);
	}
	return schema;
}

function pick(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((k) => [k, data[k]]));
}

/** Folder and site defaults written as front matter would be, for the full schema (`owner: SRE` is not valid there). */
function defaultsAsFrontmatter(site: SiteDocument): Record<string, unknown> {
	const merged = mergeDefaults(site.defaults);
	const out: Record<string, unknown> = { ...merged };
	if (typeof merged.owner === 'string') out.owner = { team: merged.owner };
	if (!merged.tags?.length) delete out.tags;
	for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
	return out;
}
