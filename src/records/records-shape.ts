/**
 * The shape of the readiness records (issue #5): rehearsals and post-deployment verifications, stored as YAML under
 * content/records/. This module is the one place that lists their fields, in the order files are written.
 *
 * It is plain TypeScript with no Zod import on purpose: the incident-session export runs in the browser and must stay
 * small, while the records collection's Zod schema (build time) is written against these types and field lists
 * (`satisfies z.ZodType<RehearsalRecord>`), so the export and the schema cannot drift apart.
 */

export const REHEARSAL_RESULTS = ['success', 'partial', 'failed'] as const;
export type RehearsalResult = (typeof REHEARSAL_RESULTS)[number];

/** A check's outcome. Exports write `not-run` for checks nobody ticked: a person changes it to `fail` where it failed. */
export const CHECK_RESULTS = ['pass', 'fail', 'not-run'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** One timed phase of the rehearsed checklist; `id` is a phase id from that document's `phases:` frontmatter. */
export interface RehearsalPhase {
	id: string;
	/** ISO 8601 UTC timestamps (`2026-11-26T10:02:13Z`). */
	start: string;
	end: string;
}

export interface RehearsalRecord {
	/** Day of the rehearsal, `YYYY-MM-DD` (UTC). */
	date: string;
	/** A key of `environments` in facts.yaml (rehearsals belong in staging). */
	environment: string;
	/** The release that was deployed. */
	version: string;
	/** Id of the document whose phases were timed (`procedures/deployment-checklist`). */
	checklist: string;
	phases: RehearsalPhase[];
	result: RehearsalResult;
	issuesFound: string[];
	lessonsLearned: string[];
	rollbackPractised: boolean;
	alertsVerified: boolean;
}

export interface VerificationCheck {
	check: string;
	result: CheckResult;
	/** When the check was ticked (ISO 8601 UTC), if it was. */
	at?: string | undefined;
	/** What was seen, in a few words (added by hand; the export leaves it out). */
	note?: string | undefined;
}

export interface VerificationRecord {
	date: string;
	version: string;
	/** A key of `environments` in facts.yaml (post-deployment verification normally runs in production). */
	environment: string;
	checks: VerificationCheck[];
	/** Metric name -> value observed after the deployment, the baseline later incidents are compared with. */
	baselineMetrics: Record<string, string | number | { value: string | number; unit?: string | undefined }>;
}

/** Field order of each record file (the YAML export writes them in this order; the schema requires these fields). */
export const REHEARSAL_FIELDS = [
	'date',
	'environment',
	'version',
	'checklist',
	'phases',
	'result',
	'issuesFound',
	'lessonsLearned',
	'rollbackPractised',
	'alertsVerified',
] as const satisfies ReadonlyArray<keyof RehearsalRecord>;

export const REHEARSAL_PHASE_FIELDS = ['id', 'start', 'end'] as const satisfies ReadonlyArray<keyof RehearsalPhase>;

export const VERIFICATION_FIELDS = [
	'date',
	'version',
	'environment',
	'checks',
	'baselineMetrics',
] as const satisfies ReadonlyArray<keyof VerificationRecord>;

export const VERIFICATION_CHECK_FIELDS = ['check', 'result', 'at', 'note'] as const satisfies ReadonlyArray<
	keyof VerificationCheck
>;

/** Where record files live, relative to the content folder (one file per record). */
export const RECORD_FOLDERS = {
	rehearsals: 'records/rehearsals',
	verifications: 'records/verifications',
	// Written by hand (issue #5): knowledge-transfer sessions, CI runs, sign-offs.
	training: 'records/training',
	ci: 'records/ci',
	signoffs: 'records/signoffs',
	// Written by hand (issue #19): a named role accepting the risk of a failed criterion.
	acceptances: 'records/acceptances',
} as const;
