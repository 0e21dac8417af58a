/**
 * Readiness records: YAML files under content/records/<collection>/ that state what happened (a training session, a
 * staging rehearsal, a post-deployment verification, a CI run, a sign-off). These Zod schemas are the source of truth
 * for their shape: the content collections (src/content.config.ts) and the pre-build check (src/records/check.ts)
 * both parse with them, so the two can never disagree.
 *
 * The browser-side record export (src/checklists/client/session-export.ts) cannot ship Zod, so it writes files from the plain
 * field lists in ./records-shape.ts; the enums below come from there and tests/unit/records.test.ts proves that the
 * field lists equal these schemas' keys and that an exported file parses here.
 *
 * References that need other files (roles and people in facts.yaml, a checklist's phase ids, environments, the
 * agenda and criterion ids of the policy) are checked by src/records/check.ts, which knows file and line.
 */
import { z } from 'astro/zod';
import {
	CHECK_RESULTS,
	RECORD_FOLDERS,
	REHEARSAL_RESULTS,
	type RehearsalRecord as RehearsalShape,
	type VerificationRecord as VerificationShape,
} from './records-shape.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NORMAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
const documentId = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'a document id looks like procedures/deployment-checklist');
const text = z.string().trim().min(1, 'must not be empty');

/**
 * A calendar day, kept as `YYYY-MM-DD`. Astro's YAML loader (js-yaml) turns an unquoted date into a Date while the
 * pre-build check's parser keeps the string; both become the same string here.
 */
export const day = z.preprocess(
	(v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
	z
		.string({ error: 'expected a date like 2026-11-20' })
		.regex(DAY, 'expected a date like 2026-11-20')
		.refine(isCalendarDay, 'not a calendar date'),
);

/** A moment in time, normalised to UTC `2026-11-20T10:05:00Z` whether written with an offset, quoted or not. */
export const instant = z.preprocess(
	(v) => (v instanceof Date ? v.toISOString() : v),
	z
		.string({ error: 'expected a time like 2026-11-20T10:05:00Z' })
		.refine(
			(s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)),
			'expected a time like 2026-11-20T10:05:00Z (UTC, or with an offset)',
		)
		.transform((s) => new Date(s).toISOString().replace('.000Z', 'Z')),
);

/** Versions are strings; an unquoted `1.4` arrives as a number, which is still what the author meant. */
const version = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text);

/** Someone named in a record: a key of `people` in facts.yaml, or a free name (people outside the facts file). */
const personFields = { person: slug.optional(), name: text.optional() };
const onePerson = (p: { person?: string | undefined; name?: string | undefined }) =>
	(p.person ? 1 : 0) + (p.name ? 1 : 0) === 1;
const onePersonMessage = {
	message: 'give either person (a key of people in facts.yaml) or name, not both',
	path: ['person'],
};

export const attendeeSchema = z.strictObject({ ...personFields, role: slug }).refine(onePerson, onePersonMessage);

/** Subtask 4.2: a knowledge-transfer session. */
export const trainingSchema = z.strictObject({
	date: day,
	topic: text,
	/** Role key of who presented (documents and records name roles; the role's holder is in facts.yaml). */
	presenter: slug,
	/** Minutes. */
	duration: z.number().int().positive(),
	/** Ids of the agenda items the session covered (task.agenda in the policy; checked by src/records/check.ts). */
	agenda: z.array(slug).min(1, 'list the agenda items the session covered'),
	attendees: z.array(attendeeSchema).min(1, 'list who attended, with their role'),
	/** Training documents used (ids). */
	materials: z.array(documentId).default([]),
	/** Playbooks exercised hands-on in the session (tabletop or game day): evidence that incident response was tested. */
	exercises: z.array(documentId).default([]),
	notes: text.optional(),
});

/** One timed phase; end >= start is compared only when both are valid times (Zod runs object checks after a field failed). */
export const rehearsalPhaseSchema = z
	.strictObject({ id: slug, start: instant, end: instant })
	.refine((p) => !(NORMAL_INSTANT.test(p.start) && NORMAL_INSTANT.test(p.end)) || p.end >= p.start, {
		message: 'end is before start',
		path: ['end'],
	});

/** Subtask 4.3: a deployment rehearsal, each checklist phase timed. Same fields as RehearsalRecord (records-shape). */
export const rehearsalSchema = z.strictObject({
	date: day,
	environment: slug,
	version,
	checklist: documentId,
	phases: z.array(rehearsalPhaseSchema),
	result: z.enum(REHEARSAL_RESULTS),
	issuesFound: z.array(text),
	lessonsLearned: z.array(text),
	rollbackPractised: z.boolean(),
	alertsVerified: z.boolean(),
}) satisfies z.ZodType<RehearsalShape>;

/** Subtask 4.4: a post-deployment verification. Same fields as VerificationRecord (records-shape). */
export const verificationCheckSchema = z.strictObject({
	check: text,
	result: z.enum(CHECK_RESULTS),
	at: instant.optional(),
	note: text.optional(),
});

/** A baseline value: a number, a string, or `{ value, unit }`. */
export const baselineValueSchema = z.union([
	z.number(),
	text,
	z.strictObject({ value: z.union([z.number(), text]), unit: text.optional() }),
]);

export const verificationSchema = z.strictObject({
	date: day,
	version,
	environment: slug,
	checks: z.array(verificationCheckSchema).min(1, 'list the checks that were run'),
	baselineMetrics: z
		.record(text, baselineValueSchema)
		.refine((m) => Object.keys(m).length > 0, 'record at least one baseline metric (name: value)'),
}) satisfies z.ZodType<VerificationShape>;

/** Subtask 5.3: one party's decision. */
export const signoffSchema = z
	.strictObject({
		role: slug,
		...personFields,
		date: day,
		decision: z.enum(['approve', 'reject']),
		/** The release approved, when the sign-off is for one. */
		version: version.optional(),
		/** Conditions of an approval, or what must change after a rejection. */
		conditions: z.array(text).default([]),
	})
	.refine(onePerson, onePersonMessage);

/** Evidence that the test suites passed: a static site cannot see CI, so someone (or the pipeline) commits this. */
export const ciSchema = z.strictObject({
	date: day,
	version,
	/** Link to the pipeline run. */
	pipeline: z.url(),
	result: z.enum(['pass', 'fail']),
	suites: z.array(text).default([]),
});

/**
 * Issue #19: a named role accepts, in writing, the risk of deploying with one criterion failed. It counts toward GO
 * only while unexpired and only when the policy lets that role accept that criterion (src/records/readiness.ts);
 * otherwise the approval page says why it does not count.
 */
export const acceptanceSchema = z
	.strictObject({
		/** Id of the criterion accepted (criteria[].id in the policy). */
		criterion: slug,
		/** Role key of who accepts: one the policy allows (acceptedBy) for this criterion. */
		role: slug,
		...personFields,
		date: day,
		/** Why deploying with this criterion failed is acceptable. */
		reason: text,
		/** Last day the acceptance counts. */
		expires: day,
		/** What must happen meanwhile (a follow-up, a watch). */
		conditions: z.array(text).default([]),
	})
	.refine(onePerson, onePersonMessage)
	.refine((a) => !(DAY.test(a.date) && DAY.test(a.expires)) || a.expires >= a.date, {
		message: 'expires is before date',
		path: ['expires'],
	});

export const RECORD_COLLECTIONS = {
	training: { folder: RECORD_FOLDERS.training, label: 'Training session', schema: trainingSchema },
	rehearsals: { folder: RECORD_FOLDERS.rehearsals, label: 'Rehearsal', schema: rehearsalSchema },
	verifications: {
		folder: RECORD_FOLDERS.verifications,
		label: 'Post-deployment verification',
		schema: verificationSchema,
	},
	ci: { folder: RECORD_FOLDERS.ci, label: 'CI run', schema: ciSchema },
	signoffs: { folder: RECORD_FOLDERS.signoffs, label: 'Sign-off', schema: signoffSchema },
	acceptances: { folder: RECORD_FOLDERS.acceptances, label: 'Risk acceptance', schema: acceptanceSchema },
} as const;

export type RecordCollection = keyof typeof RECORD_COLLECTIONS;
export const RECORD_COLLECTION_NAMES = Object.keys(RECORD_COLLECTIONS) as RecordCollection[];

export type TrainingRecord = z.output<typeof trainingSchema>;
export type Attendee = z.output<typeof attendeeSchema>;
export type RehearsalRecord = z.output<typeof rehearsalSchema>;
export type VerificationRecord = z.output<typeof verificationSchema>;
export type SignoffRecord = z.output<typeof signoffSchema>;
export type CiRecord = z.output<typeof ciSchema>;
export type AcceptanceRecord = z.output<typeof acceptanceSchema>;
export type BaselineValue = z.output<typeof baselineValueSchema>;

export interface RecordDataOf {
	training: TrainingRecord;
	rehearsals: RehearsalRecord;
	verifications: VerificationRecord;
	ci: CiRecord;
	signoffs: SignoffRecord;
	acceptances: AcceptanceRecord;
}

/** One record file: its id is the file name without `.yaml` (`2026-11-20-staging-v1.4.0`). */
export interface RecordEntry<C extends RecordCollection = RecordCollection> {
	collection: C;
	id: string;
	data: RecordDataOf[C];
}

export type RecordSet = { [C in RecordCollection]: Array<RecordEntry<C>> };

export function emptyRecordSet(): RecordSet {
	return { training: [], rehearsals: [], verifications: [], ci: [], signoffs: [], acceptances: [] };
}

/** Where a record lives, relative to the content folder. */
export function recordPath(collection: RecordCollection, id: string): string {
	return `${RECORD_COLLECTIONS[collection].folder}/${id}.yaml`;
}

function isCalendarDay(s: string): boolean {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
