/**
 * The metadata coverage report: how far the content is from the strict profile, as counts a team can work down
 * ("owner: 37 of 110 documents; lastReviewed: 0 of 110; alerts without a runbook: 4"). Printed at the end of every
 * build and shown at /coverage/. Never an error: it is where a team sees the level it has reached. Pure.
 */
import type { DocData } from '../core/document-schema.ts';

export interface CoverageInput {
	documents: Array<{ id: string; data: DocData; file: string; complete: boolean; kindFrom: string }>;
	drafts: Array<{ rel: string }>;
	unread: string[];
	links: { links: number; broken: number; images: number; missingImages: number };
	alerts: {
		defined: number;
		linked: number;
		withoutRunbook: Array<{ name: string }>;
		unknown: Array<{ name: string; file: string }>;
	};
	syntax: { rendered: number; leftAsText: number };
	warnings: number;
	profile: 'default' | 'strict';
	/** The site's own front-matter fields (config `frontmatter`), counted like the built-in ones. */
	extraFields?: readonly string[];
}

export interface CoverageField {
	field: string;
	have: number;
	/** Documents without it (ids), at most 50: the list a team works down. */
	missing: string[];
}

export interface CoverageReport {
	profile: 'default' | 'strict';
	documents: number;
	/** Documents that would pass the strict profile's front matter rules. */
	complete: number;
	fields: CoverageField[];
	drafts: string[];
	unread: string[];
	links: CoverageInput['links'];
	alerts: { defined: number; linked: number; withoutRunbook: string[]; unknown: string[] };
	syntax: CoverageInput['syntax'];
	warnings: number;
}

const FIELDS: Array<[string, (d: DocData) => boolean]> = [
	['description', (d) => Boolean(d.description)],
	['owner', (d) => Boolean(d.owner)],
	['owner.role', (d) => Boolean(d.owner?.role)],
	['service', (d) => Boolean(d.service)],
	['lastReviewed', (d) => Boolean(d.lastReviewed)],
	['reviewEvery', (d) => Boolean(d.reviewEvery)],
	['lastTested', (d) => Boolean(d.lastTested)],
	['duration', (d) => Boolean(d.duration)],
];

export function coverageReport(input: CoverageInput): CoverageReport {
	const docs = input.documents;
	const fields: Array<[string, (d: DocData) => boolean]> = [
		...FIELDS,
		...(input.extraFields ?? []).map((k): [string, (d: DocData) => boolean] => [k, (d) => d.extra[k] !== undefined]),
	];
	return {
		profile: input.profile,
		documents: docs.length,
		complete: docs.filter((d) => d.complete).length,
		fields: [
			...fields.map(([field, has]) => ({
				field,
				have: docs.filter((d) => has(d.data)).length,
				missing: docs
					.filter((d) => !has(d.data))
					.map((d) => d.id)
					.slice(0, 50),
			})),
			{
				field: 'kind (declared)',
				have: docs.filter((d) => d.kindFrom === 'frontmatter' || d.kindFrom === 'defaults').length,
				missing: docs
					.filter((d) => d.kindFrom !== 'frontmatter' && d.kindFrom !== 'defaults')
					.map((d) => d.id)
					.slice(0, 50),
			},
		],
		drafts: input.drafts.map((d) => d.rel),
		unread: input.unread,
		links: input.links,
		alerts: {
			defined: input.alerts.defined,
			linked: input.alerts.linked,
			withoutRunbook: input.alerts.withoutRunbook.map((a) => a.name),
			unknown: [...new Set(input.alerts.unknown.map((a) => a.name))],
		},
		syntax: input.syntax,
		warnings: input.warnings,
	};
}

/** The report as the build prints it: one line per measure, the counts first. */
export function formatCoverage(r: CoverageReport): string[] {
	const n = r.documents;
	const fields = r.fields.map((f) => `${f.field}: ${f.have} of ${n}`).join('; ');
	const lines = [
		`${n} documents, ${r.complete} complete for the strict profile (profile: ${r.profile})`,
		fields,
		`alerts: ${r.alerts.defined} defined, ${r.alerts.linked} with a runbook; alerts without a runbook: ${r.alerts.withoutRunbook.length}${r.alerts.withoutRunbook.length ? ` (${r.alerts.withoutRunbook.slice(0, 10).join(', ')}${r.alerts.withoutRunbook.length > 10 ? ', …' : ''})` : ''}; alert names no rule defines: ${r.alerts.unknown.length}`,
		`links: ${r.links.broken} of ${r.links.links} broken; images: ${r.links.missingImages} of ${r.links.images} missing`,
		`drafts left out: ${r.drafts.length}; files not read: ${r.unread.length}; syntax of other tools: ${r.syntax.rendered} rendered, ${r.syntax.leftAsText} left as text`,
	];
	return lines;
}
