/**
 * Frontmatter of every document. The same schema validates the content collection (Astro) and the pre-build
 * content check (which adds file:line to each message), so the two can never disagree.
 */
import { z } from 'astro/zod';
import { KIND_NAMES } from './kinds.ts';
import { parseIsoDate } from './text-input.ts';

// A day written YYYY-MM-DD that exists: 2026-02-30 is refused (a Date would quietly roll over to March 2). Astro's
// own YAML reader hands over Date objects, which are kept as they are.
const day = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		const parsed = parseIsoDate(value.trim());
		return parsed.ok ? parsed.date : value;
	},
	z.date({ error: 'expected a date like 2026-01-31 (a day that exists)' }),
);
const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

export const TEST_METHODS = ['rehearsal', 'game-day', 'tabletop', 'production'] as const;
export const STATUSES = ['draft', 'active', 'deprecated'] as const;

export const documentSchema = z.strictObject({
	title: z.string().min(3),
	description: z.string().min(10),
	kind: z.enum(KIND_NAMES),
	owner: z.strictObject({
		team: z.string().min(1),
		/** A key of `roles` in facts.yaml: documents name roles, never people. */
		role: identifier,
	}),
	service: z.string().min(1),
	status: z.enum(STATUSES),
	lastReviewed: day,
	/** Review cadence in days; past lastReviewed + reviewEvery the page says the review is overdue. */
	reviewEvery: z.number().int().positive().max(730),
	lastTested: z.strictObject({ date: day, method: z.enum(TEST_METHODS) }),
	/** Estimated minutes to carry the document out end to end. */
	duration: z.number().int().positive(),
	/** Alert names from facts.yaml that lead here. */
	alerts: z.array(z.string()).default([]),
	/** Other documents, by id (`runbooks/rollback`). */
	related: z.array(z.string()).default([]),
	tags: z.array(identifier).default([]),
	/** Subtasks of the source task this document satisfies (e.g. "2.1"), for coverage tracing. */
	covers: z.array(z.string().regex(/^\d+\.\d+$/, 'subtask ids look like 2.1')).default([]),
	/** Severity id from facts.yaml, for documents tied to one level. */
	severity: z.string().optional(),
	/**
	 * Timed phases of a checklist or runbook (id, title, estimated minutes). Rehearsal records time each phase against
	 * these estimates, so ids must stay stable once records refer to them.
	 */
	phases: z
		.array(z.strictObject({ id: identifier, title: z.string().min(1), minutes: z.number().int().positive() }))
		.default([]),
	/** Position within its kind (lower first); ties sort by title. */
	order: z.number().int().default(100),
});

export type DocumentData = z.infer<typeof documentSchema>;

/**
 * The document schema with a site's own fields (`extend: z.object({ pagerdutyService: z.string() })`): what the
 * strict profile validates when the site's config names them (`opsbook({ frontmatter })`), and what a site's own tools
 * can import from `opsbook/schema`. An extension cannot change Opsbook's own fields (the config refuses those names).
 */
export function docsSchema<E extends z.ZodRawShape = Record<never, never>>(
	options: { extend?: z.ZodObject<E> | undefined } = {},
) {
	return options.extend ? documentSchema.extend(options.extend.shape) : documentSchema;
}

/**
 * A document as the site holds it, whatever its front matter looked like (src/core/normalize.ts made it): only the
 * title is certain; owner, review dates and the rest are there when the author or a defaults file gave them.
 * Under `profile: 'strict'` every document passed documentSchema first, so all fields are present.
 */
export const docDataSchema = z.object({
	title: z.string(),
	description: z.string().optional(),
	/** First sentence(s) of the body, for meta descriptions and lists when there is no description. */
	excerpt: z.string().default(''),
	kind: z.string(),
	owner: z.object({ team: z.string(), role: z.string().optional() }).optional(),
	service: z.string().optional(),
	status: z.enum(STATUSES).default('active'),
	lastReviewed: z.date().optional(),
	reviewEvery: z.number().optional(),
	lastTested: z.object({ date: z.date(), method: z.string() }).optional(),
	duration: z.number().optional(),
	alerts: z.array(z.string()).default([]),
	related: z.array(z.string()).default([]),
	tags: z.array(z.string()).default([]),
	covers: z.array(z.string()).default([]),
	severity: z.string().optional(),
	phases: z.array(z.object({ id: z.string(), title: z.string(), minutes: z.number() })).default([]),
	order: z.number().default(100),
	/** The site's own front-matter fields (config `frontmatter`), by name, as written. */
	extra: z.record(z.string(), z.unknown()).default({}),
	/** Other paths that redirect here: the file name as written, Hugo `aliases`. */
	aliases: z.array(z.string()).default([]),
	/** Where the document came from, for navigation (folders are sections) and the "Source" line. */
	source: z.object({
		path: z.string(),
		format: z.enum(['md', 'mdx']),
		/** Folder id ('' at the top), the section tree the navigation shows. */
		folder: z.string(),
		index: z.boolean(),
		/**
		 * Label and position of the document's folders that have a category file (Docusaurus `_category_.json`),
		 * outermost first: carried by every document below them, so the navigation, built from the documents alone,
		 * sees them. Absent when no folder above the document has one.
		 */
		categories: z
			.array(z.object({ folder: z.string(), label: z.string().optional(), order: z.number().optional() }))
			.optional(),
	}),
});

export type DocData = z.output<typeof docDataSchema>;

/**
 * The document's data when it has every field the full schema requires (always under `profile: 'strict'`): what
 * readiness and the review report compute with. Undefined for a document brought as it is.
 */
export function completeData(data: DocData): DocumentData | undefined {
	const { description, owner, service, lastReviewed, reviewEvery, lastTested, duration } = data;
	if (!description || !owner?.role || !service || !lastReviewed || !reviewEvery || !lastTested || !duration)
		return undefined;
	const method = lastTested.method as DocumentData['lastTested']['method'];
	return {
		...data,
		description,
		owner: { team: owner.team, role: owner.role },
		service,
		lastReviewed,
		reviewEvery,
		lastTested: { date: lastTested.date, method },
		duration,
	} as DocumentData;
}
