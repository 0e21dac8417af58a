/**
 * Deployment readiness (subtasks 5.1 to 5.3), computed from data instead of hand-ticked boxes: the documents'
 * frontmatter, the records under content/records/, facts.yaml and a day. Pure: no file access, no clock (the caller
 * passes `today`), so the approval page, `npm run verify` and the Markdown export give the same answer for the same
 * inputs, and tests can prove each criterion on its own.
 *
 * Every criterion says what counts as evidence (`rule`), whether it passes, why (`reason`, `missing`), what it rests
 * on (`evidence`) and, when it passes, the day its evidence stops counting (`expires`). GO only when all pass.
 */
import type { DocumentData } from '../core/document-schema.ts';
import type { Facts } from '../facts/schema.ts';
import { approvalsSchema, type Approvals, type RecordCollection, type RecordEntry, type RecordSet } from './schema.ts';
import { DOCUMENT_DELIVERABLES, TRAINING_AGENDA, subtaskTitle } from './task.ts';
import { addDays, isoDay } from '../core/dates.ts';

export interface ReadinessDocument {
	id: string;
	data: DocumentData;
}

export interface ReadinessInput {
	documents: ReadinessDocument[];
	records: RecordSet;
	facts: Facts;
	today: Date;
}

export type Evidence =
	| { type: 'document'; id: string; label: string }
	| { type: 'record'; collection: RecordCollection; id: string; label: string }
	| { type: 'fact'; key: string; label: string };

export const CRITERION_IDS = ['documents', 'security', 'tests', 'runbooks', 'training', 'rehearsal', 'incident-response', 'monitoring', 'capacity', 'signoffs'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export interface Criterion {
	id: CriterionId;
	/** The subtask 5.2 / 5.3 item, as the task words it. */
	title: string;
	/** Source task subtask the criterion traces to. */
	subtask: string;
	/** What counts as evidence, in one or two sentences. */
	rule: string;
	pass: boolean;
	reason: string;
	/** Exactly what is missing or wrong, one line each (empty when the criterion passes). */
	missing: string[];
	evidence: Evidence[];
	/** Day (YYYY-MM-DD) after which the evidence no longer counts, for a passing criterion. */
	expires?: string;
}

export interface SignoffRow {
	role: string;
	roleTitle: string;
	status: 'approved' | 'rejected' | 'expired' | 'missing';
	/** The deciding (latest) sign-off of the role, if any. */
	record?: RecordEntry<'signoffs'>;
}

export interface Policy {
	/** Undefined when facts.yaml has no valid `approvals:` section. */
	approvals?: Approvals;
	rehearsalMaxAgeDays?: number;
}

export interface Readiness {
	go: boolean;
	/** The day readiness was computed for. */
	on: string;
	criteria: Criterion[];
	signoffs: SignoffRow[];
	policy: Policy;
	/** With GO: the last day every piece of evidence still counts (rebuild or re-run after it). */
	validUntil?: string;
}

const DAY_MS = 86_400_000;
const NO_POLICY = 'facts.yaml has no valid approvals: section (requiredRoles, trainedRoles, rehearsalEnvironment, evidenceMaxAgeDays)';

export function computeReadiness(input: ReadinessInput): Readiness {
	const ctx = context(input);
	const criteria = [documents, security, tests, runbooks, training, rehearsal, incidentResponse, monitoring, capacity, signoffs].map((c) => c(ctx));
	const go = criteria.every((c) => c.pass);
	const expiries = criteria.map((c) => c.expires).filter((d): d is string => !!d).sort();
	return {
		go,
		on: isoDay(input.today),
		criteria,
		signoffs: ctx.signoffRows,
		policy: ctx.policy,
		...(go && expiries[0] ? { validUntil: expiries[0] } : {}),
	};
}

interface Context extends ReadinessInput {
	active: ReadinessDocument[];
	policy: Policy;
	signoffRows: SignoffRow[];
	latestRehearsal?: RecordEntry<'rehearsals'> | undefined;
	roleTitle(key: string): string;
}

function context(input: ReadinessInput): Context {
	const parsed = approvalsSchema.safeParse((input.facts as Record<string, unknown>).approvals);
	const maxAge = (input.facts as { deploy?: { rehearsalMaxAgeDays?: unknown } }).deploy?.rehearsalMaxAgeDays;
	const policy: Policy = {
		...(parsed.success ? { approvals: parsed.data } : {}),
		...(typeof maxAge === 'number' && maxAge > 0 ? { rehearsalMaxAgeDays: maxAge } : {}),
	};
	const roleTitle = (key: string) => input.facts.roles[key]?.title ?? key;
	const env = policy.approvals?.rehearsalEnvironment;
	const ctx: Context = {
		...input,
		active: input.documents.filter((d) => d.data.status !== 'deprecated'),
		policy,
		signoffRows: [],
		latestRehearsal: env ? latest(input.records.rehearsals.filter((r) => r.data.environment === env)) : undefined,
		roleTitle,
	};
	ctx.signoffRows = signoffRows(ctx);
	return ctx;
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria, in the order of subtask 5.2 (5.1's documentation first, 5.3's sign-offs last).

function documents(ctx: Context): Criterion {
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	for (const { subtask, minDocuments } of DOCUMENT_DELIVERABLES) {
		const covering = ctx.active.filter((d) => d.data.covers.includes(subtask));
		evidence.push(...covering.map(documentEvidence));
		const name = `Subtask ${subtask} (${subtaskTitle(subtask)})`;
		if (!covering.length) missing.push(`${name}: no document covers it (add covers: ["${subtask}"] to the document that does)`);
		else if (covering.length < minDocuments) missing.push(`${name}: ${covering.length} document(s) cover it, it needs ${minDocuments}`);
	}
	for (const d of ctx.active) {
		if (d.data.status === 'draft') missing.push(`${d.id}: still a draft (status: draft)`);
		const due = addDays(d.data.lastReviewed, d.data.reviewEvery);
		if (due < ctx.today) missing.push(`${d.id}: review overdue since ${isoDay(due)} (last reviewed ${isoDay(d.data.lastReviewed)}, every ${d.data.reviewEvery} days)`);
	}
	return criterion('documents', {
		title: 'All documentation complete and reviewed within its cadence',
		subtask: '5.1',
		rule: `Every deliverable subtask (${DOCUMENT_DELIVERABLES.map((d) => d.subtask).join(', ')}) is covered by an active document (3.1 by five, one per scenario), no document is a draft and every document's lastReviewed + reviewEvery is today or later.`,
		missing,
		evidence: unique(evidence),
		pass: `All ${ctx.active.length} documents are reviewed within their cadence and every deliverable subtask is covered.`,
		expires: earliest(ctx.active.map((d) => addDays(d.data.lastReviewed, d.data.reviewEvery))),
	});
}

function security(ctx: Context): Criterion {
	const checklists = ctx.active.filter((d) => d.data.covers.includes('1.1'));
	const env = ctx.policy.approvals?.rehearsalEnvironment;
	const maxAge = ctx.policy.rehearsalMaxAgeDays;
	const missing: string[] = [];
	const evidence: Evidence[] = checklists.map(documentEvidence);
	let expires: Date | undefined;
	if (!checklists.length) missing.push('no deployment checklist: no document covers subtask 1.1');
	else if (!env || !maxAge) missing.push(env ? 'facts.yaml has no deploy.rehearsalMaxAgeDays' : NO_POLICY);
	else {
		const runs = ctx.records.rehearsals.filter(
			(r) => r.data.environment === env && r.data.result === 'success' && checklists.some((c) => c.id === r.data.checklist) && ageDays(r.data.date, ctx.today) <= maxAge,
		);
		const complete = runs.filter((r) => {
			const phases = checklists.find((c) => c.id === r.data.checklist)!.data.phases;
			return phases.length > 0 && phases.every((p) => r.data.phases.some((t) => t.id === p.id));
		});
		const run = latest(complete);
		if (run) {
			evidence.push(recordEvidence(run));
			expires = addDays(day(run.data.date), maxAge);
		} else if (checklists.every((c) => !c.data.phases.length)) {
			missing.push(`${checklists.map((c) => c.id).join(', ')} declares no phases, so no rehearsal can record that it ran end to end`);
		} else {
			const partial = latest(runs);
			if (partial) {
				const phases = checklists.find((c) => c.id === partial.data.checklist)!.data.phases;
				const untimed = phases.filter((p) => !partial.data.phases.some((t) => t.id === p.id)).map((p) => p.id);
				evidence.push(recordEvidence(partial));
				missing.push(`the ${env} rehearsal of ${partial.data.version} (${partial.data.date}) did not record these checklist phases: ${untimed.join(', ')}`);
			} else {
				missing.push(`no successful ${env} rehearsal of ${checklists.map((c) => c.id).join(' or ')} in the last ${maxAge} days`);
			}
		}
	}
	return criterion('security', {
		title: 'All security checklist items complete',
		subtask: '5.2',
		rule: `Opsbook cannot see individual ticks. It counts a successful rehearsal in ${env ?? 'the rehearsal environment'} within ${maxAge ?? 'deploy.rehearsalMaxAgeDays'} days that timed every phase of the deployment checklist (covers 1.1), security gates included; the security lead's sign-off below is the attestation.`,
		missing,
		evidence,
		pass: `The deployment checklist ran end to end, security gates included, in a successful ${env} rehearsal.`,
		expires,
	});
}

function tests(ctx: Context): Criterion {
	const maxAge = ctx.policy.approvals?.evidenceMaxAgeDays;
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	let expires: Date | undefined;
	let passed = '';
	if (!maxAge) missing.push(NO_POLICY);
	else {
		const ci = latest(ctx.records.ci.filter((r) => ageDays(r.data.date, ctx.today) <= maxAge));
		const verification = latest(ctx.records.verifications.filter((r) => ageDays(r.data.date, ctx.today) <= maxAge));
		if (ci) {
			evidence.push(recordEvidence(ci));
			if (ci.data.result === 'pass') {
				passed = `CI run for ${ci.data.version} on ${ci.data.date} passed${ci.data.suites.length ? ` (${ci.data.suites.join(', ')})` : ''}.`;
				expires = addDays(day(ci.data.date), maxAge);
			} else missing.push(`the latest CI run (${ci.data.version}, ${ci.data.date}) failed: ${ci.data.pipeline}`);
		} else if (verification) {
			evidence.push(recordEvidence(verification));
			const bad = verification.data.checks.filter((c) => c.result !== 'pass');
			if (!bad.length) {
				passed = `No CI record; the post-deployment verification of ${verification.data.version} on ${verification.data.date} passed all ${verification.data.checks.length} checks.`;
				expires = addDays(day(verification.data.date), maxAge);
			} else missing.push(`no CI record, and the latest verification (${verification.data.version}, ${verification.data.date}) has checks not passed: ${bad.map((c) => `${c.check} (${c.result})`).join('; ')}`);
		} else missing.push(`no CI record (content/records/ci/) and no post-deployment verification (content/records/verifications/) in the last ${maxAge} days`);
	}
	return criterion('tests', {
		title: 'All tests passing',
		subtask: '5.2',
		rule: `A static site cannot see CI. It counts the latest CI record (content/records/ci/: version, pipeline link, result) within ${maxAge ?? 'approvals.evidenceMaxAgeDays'} days with result pass; without one, the latest post-deployment verification record in that window with every check passed.`,
		missing,
		evidence,
		pass: passed,
		expires,
	});
}

function runbooks(ctx: Context): Criterion {
	const books = ctx.active.filter((d) => d.data.kind === 'runbook');
	const missing: string[] = [];
	if (!books.length) missing.push('no runbooks');
	for (const d of books) {
		if (d.data.status !== 'active') missing.push(`${d.id}: status ${d.data.status}, not active (approved)`);
		const due = addDays(d.data.lastReviewed, d.data.reviewEvery);
		if (due < ctx.today) missing.push(`${d.id}: review overdue since ${isoDay(due)}`);
	}
	return criterion('runbooks', {
		title: 'Runbooks reviewed and approved',
		subtask: '5.2',
		rule: 'Every runbook has status active (its owner approved it for use) and was reviewed within its reviewEvery days.',
		missing,
		evidence: books.map(documentEvidence),
		pass: `All ${books.length} runbooks are active and reviewed within their cadence.`,
		expires: earliest(books.map((d) => addDays(d.data.lastReviewed, d.data.reviewEvery))),
	});
}

function training(ctx: Context): Criterion {
	const sessions = ctx.records.training;
	const roles = ctx.policy.approvals?.trainedRoles;
	const missing: string[] = [];
	if (!sessions.length) missing.push('no knowledge-transfer session recorded (content/records/training/)');
	const covered = new Set(sessions.flatMap((s) => s.data.agenda));
	const uncovered = TRAINING_AGENDA.filter((a) => !covered.has(a.id));
	if (sessions.length && uncovered.length) missing.push(`subtask 4.2 items not covered by any session: ${uncovered.map((a) => `${a.title} (${a.id})`).join('; ')}`);
	if (!roles) missing.push(NO_POLICY);
	else {
		const attended = new Set(sessions.flatMap((s) => s.data.attendees.map((a) => a.role)));
		const absent = roles.filter((r) => !attended.has(r));
		if (absent.length) missing.push(`no attendance recorded for: ${absent.map(ctx.roleTitle).join(', ')}`);
	}
	return criterion('training', {
		title: 'Team trained and ready',
		subtask: '4.2',
		rule: `Training session records together cover every item of subtask 4.2 (${TRAINING_AGENDA.map((a) => a.id).join(', ')}) and someone in each of these roles attended: ${roles?.map(ctx.roleTitle).join(', ') ?? '(approvals.trainedRoles)'}.`,
		missing,
		evidence: sessions.map(recordEvidence),
		pass: `${sessions.length} session(s) cover all ${TRAINING_AGENDA.length} agenda items and every on-call role attended.`,
	});
}

function rehearsal(ctx: Context): Criterion {
	const env = ctx.policy.approvals?.rehearsalEnvironment;
	const maxAge = ctx.policy.rehearsalMaxAgeDays;
	const run = ctx.latestRehearsal;
	const missing: string[] = [];
	let expires: Date | undefined;
	if (!env) missing.push(NO_POLICY);
	else if (!maxAge) missing.push('facts.yaml has no deploy.rehearsalMaxAgeDays');
	else if (!run) missing.push(`no rehearsal in ${env} recorded (content/records/rehearsals/)`);
	else {
		const age = ageDays(run.data.date, ctx.today);
		if (age > maxAge) missing.push(`the latest ${env} rehearsal (${run.data.date}) is ${age} days old; at most ${maxAge} (deploy.rehearsalMaxAgeDays)`);
		if (run.data.result !== 'success') missing.push(`the latest ${env} rehearsal (${run.data.version}, ${run.data.date}) result is ${run.data.result}${run.data.issuesFound.length ? `: ${run.data.issuesFound.join('; ')}` : ''}`);
		if (!run.data.phases.length) missing.push(`the latest ${env} rehearsal has no timed phases`);
		if (!run.data.rollbackPractised) missing.push(`rollback was not practised in the latest ${env} rehearsal`);
		expires = addDays(day(run.data.date), maxAge);
	}
	return criterion('rehearsal', {
		title: 'Deployment rehearsal successful',
		subtask: '4.3',
		rule: `The latest rehearsal in ${env ?? 'the rehearsal environment'} is at most ${maxAge ?? 'deploy.rehearsalMaxAgeDays'} days old, succeeded, timed its phases and practised the rollback.`,
		missing,
		evidence: run ? [recordEvidence(run)] : [],
		pass: run ? `${run.data.version} rehearsed in ${env} on ${run.data.date}: success, ${run.data.phases.length} phases timed, rollback practised.` : '',
		expires,
	});
}

function incidentResponse(ctx: Context): Criterion {
	const playbooks = ctx.active.filter((d) => d.data.kind === 'playbook');
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	const expiries: Date[] = [];
	if (!playbooks.length) missing.push('no incident playbooks');
	for (const p of playbooks) {
		const exercise = latest(ctx.records.training.filter((s) => s.data.exercises.includes(p.id) && ageDays(s.data.date, ctx.today) <= p.data.reviewEvery));
		const tested = addDays(p.data.lastTested.date, p.data.reviewEvery);
		if (exercise) {
			evidence.push(recordEvidence(exercise));
			expiries.push(addDays(day(exercise.data.date), p.data.reviewEvery));
		} else if (tested >= ctx.today) {
			evidence.push(documentEvidence(p));
			expiries.push(tested);
		} else {
			missing.push(`${p.id}: last tested ${isoDay(p.data.lastTested.date)} (${p.data.lastTested.method}), more than ${p.data.reviewEvery} days ago, and no training session exercised it since`);
		}
	}
	return criterion('incident-response', {
		title: 'Incident response tested',
		subtask: '5.2',
		rule: "Every incident playbook was exercised within its reviewEvery days: a training session record listing it under exercises, or its frontmatter lastTested (tabletop, game day, rehearsal or a real incident; the owner's statement).",
		missing,
		evidence: unique(evidence),
		pass: `All ${playbooks.length} playbooks were exercised within their cadence.`,
		expires: earliest(expiries),
	});
}

function monitoring(ctx: Context): Criterion {
	const env = ctx.policy.approvals?.rehearsalEnvironment;
	const maxAge = ctx.policy.rehearsalMaxAgeDays;
	const evidenceAge = ctx.policy.approvals?.evidenceMaxAgeDays;
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	let passed = '';
	let expires: Date | undefined;
	const run = ctx.latestRehearsal;
	if (!env || !evidenceAge) missing.push(NO_POLICY);
	else {
		if (run && maxAge && ageDays(run.data.date, ctx.today) <= maxAge && run.data.alertsVerified) {
			evidence.push(recordEvidence(run));
			passed = `Alerts were verified in the ${env} rehearsal of ${run.data.version} on ${run.data.date}.`;
			expires = addDays(day(run.data.date), maxAge);
		}
		const alertCheck = (c: { check: string }) => /alert/i.test(c.check);
		const verification = latest(ctx.records.verifications.filter((r) => ageDays(r.data.date, ctx.today) <= evidenceAge && r.data.checks.some(alertCheck)));
		const verified = verification && verification.data.checks.filter(alertCheck).every((c) => c.result === 'pass');
		if (!passed && verification && verified) {
			evidence.push(recordEvidence(verification));
			passed = `Alert checks passed in the post-deployment verification of ${verification.data.version} (${verification.data.environment}) on ${verification.data.date}.`;
			expires = addDays(day(verification.data.date), evidenceAge);
		}
		if (!passed) {
			if (run) evidence.push(recordEvidence(run));
			if (verification) evidence.push(recordEvidence(verification));
			missing.push(
				[
					run ? `the latest ${env} rehearsal (${run.data.date}) ${run.data.alertsVerified ? `is older than ${maxAge} days` : 'did not verify alerts'}` : `no ${env} rehearsal with alertsVerified: true`,
					verification ? `the latest verification's alert checks did not all pass` : `no post-deployment verification with a passing alert check in the last ${evidenceAge} days`,
				].join('; '),
			);
		}
	}
	return criterion('monitoring', {
		title: 'Monitoring verified',
		subtask: '5.2',
		rule: `The latest ${env ?? 'rehearsal-environment'} rehearsal (within ${maxAge ?? 'deploy.rehearsalMaxAgeDays'} days) has alertsVerified: true, or a post-deployment verification within ${evidenceAge ?? 'approvals.evidenceMaxAgeDays'} days has checks naming alerts, all passed.`,
		missing,
		evidence,
		pass: passed,
		expires,
	});
}

const CAPACITY_TEST_METHODS = new Set(['rehearsal', 'game-day', 'production']);

function capacity(ctx: Context): Criterion {
	const docs = ctx.active.filter((d) => d.data.covers.includes('2.3'));
	const missing: string[] = [];
	const evidence: Evidence[] = docs.map(documentEvidence);
	const expiries: Date[] = [];
	if (!docs.length) missing.push('no scaling runbook: no document covers subtask 2.3');
	for (const d of docs) {
		const reviewDue = addDays(d.data.lastReviewed, d.data.reviewEvery);
		const testDue = addDays(d.data.lastTested.date, d.data.reviewEvery);
		if (d.data.status !== 'active') missing.push(`${d.id}: status ${d.data.status}, not active`);
		if (reviewDue < ctx.today) missing.push(`${d.id}: review overdue since ${isoDay(reviewDue)}`);
		if (!CAPACITY_TEST_METHODS.has(d.data.lastTested.method)) missing.push(`${d.id}: last tested by ${d.data.lastTested.method}; capacity needs a rehearsal, game day or production run`);
		else if (testDue < ctx.today) missing.push(`${d.id}: last tested ${isoDay(d.data.lastTested.date)}, more than ${d.data.reviewEvery} days ago`);
		expiries.push(reviewDue, testDue);
	}
	const loadTest = (ctx.facts as { scaling?: { loadTestDate?: unknown } }).scaling?.loadTestDate;
	const loadTestDay = typeof loadTest === 'string' || loadTest instanceof Date ? day(loadTest) : undefined;
	const window = Math.min(...docs.map((d) => d.data.reviewEvery), Number.POSITIVE_INFINITY);
	if (!loadTestDay || Number.isNaN(loadTestDay.getTime())) missing.push('no load test date (facts.scaling.loadTestDate): the per-pod capacity the plan uses was never measured');
	else {
		evidence.push({ type: 'fact', key: 'scaling.loadTestDate', label: `Load test on ${isoDay(loadTestDay)} (facts.scaling.loadTestDate)` });
		if (docs.length && ageDays(isoDay(loadTestDay), ctx.today) > window) missing.push(`the load test (${isoDay(loadTestDay)}) is more than ${window} days old: measure capacity again`);
		if (docs.length) expiries.push(addDays(loadTestDay, window));
	}
	return criterion('capacity', {
		title: 'Capacity planning validated',
		subtask: '5.2',
		rule: "The scaling runbook (covers 2.3) is active, reviewed and tested by a rehearsal, game day or production run within its reviewEvery days, and the load test that measured per-pod capacity (facts.scaling.loadTestDate) is no older than that cadence.",
		missing,
		evidence,
		pass: 'The scaling runbook is reviewed and tested and the capacity model rests on a recent load test.',
		expires: earliest(expiries),
	});
}

function signoffs(ctx: Context): Criterion {
	const maxAge = ctx.policy.approvals?.evidenceMaxAgeDays;
	const missing: string[] = [];
	if (!ctx.policy.approvals) missing.push(NO_POLICY);
	const expiries: Date[] = [];
	for (const row of ctx.signoffRows) {
		const r = row.record?.data;
		if (row.status === 'missing') missing.push(`${row.roleTitle}: no sign-off recorded (content/records/signoffs/)`);
		else if (row.status === 'expired') missing.push(`${row.roleTitle}: the latest sign-off (${r!.date}) is older than ${maxAge} days`);
		else if (row.status === 'rejected') missing.push(`${row.roleTitle}: rejected on ${r!.date}${r!.conditions.length ? `: ${r!.conditions.join('; ')}` : ''}`);
		else if (maxAge) expiries.push(addDays(day(r!.date), maxAge));
	}
	return criterion('signoffs', {
		title: 'All sign-offs collected',
		subtask: '5.3',
		rule: `The latest sign-off of each required role (${ctx.policy.approvals?.requiredRoles.map(ctx.roleTitle).join(', ') ?? 'approvals.requiredRoles'}) approves and is at most ${maxAge ?? 'approvals.evidenceMaxAgeDays'} days old.`,
		missing,
		evidence: ctx.signoffRows.flatMap((r) => (r.record ? [recordEvidence(r.record)] : [])),
		pass: `All ${ctx.signoffRows.length} required parties approved.`,
		expires: earliest(expiries),
	});
}

function signoffRows(ctx: Context): SignoffRow[] {
	const approvals = ctx.policy.approvals;
	if (!approvals) return [];
	return approvals.requiredRoles.map((role) => {
		const record = latest(ctx.records.signoffs.filter((s) => s.data.role === role));
		const base = { role, roleTitle: ctx.roleTitle(role) };
		if (!record) return { ...base, status: 'missing' as const };
		const status = ageDays(record.data.date, ctx.today) > approvals.evidenceMaxAgeDays ? 'expired' : record.data.decision === 'approve' ? 'approved' : 'rejected';
		return { ...base, status, record };
	});
}

// ---------------------------------------------------------------------------------------------------------------

function criterion(id: CriterionId, c: { title: string; subtask: string; rule: string; missing: string[]; evidence: Evidence[]; pass: string; expires?: Date | undefined }): Criterion {
	const pass = c.missing.length === 0;
	return {
		id,
		title: c.title,
		subtask: c.subtask,
		rule: c.rule,
		pass,
		reason: pass ? c.pass : c.missing.length === 1 ? capitalise(c.missing[0]!) : `${c.missing.length} things missing: ${c.missing[0]}; …`,
		missing: c.missing,
		evidence: c.evidence,
		...(pass && c.expires ? { expires: isoDay(c.expires) } : {}),
	};
}

function documentEvidence(d: ReadinessDocument): Evidence {
	return { type: 'document', id: d.id, label: d.data.title };
}

export function recordEvidence(r: RecordEntry): Evidence {
	return { type: 'record', collection: r.collection, id: r.id, label: recordLabel(r) };
}

export function recordLabel(r: RecordEntry): string {
	const d = r.data as unknown as Record<string, unknown>;
	switch (r.collection) {
		case 'training':
			return `Training ${d.date}: ${d.topic}`;
		case 'rehearsals':
			return `Rehearsal ${d.date} ${d.environment} ${d.version} (${d.result})`;
		case 'verifications':
			return `Verification ${d.date} ${d.environment} ${d.version}`;
		case 'ci':
			return `CI ${d.date} ${d.version} (${d.result})`;
		case 'signoffs':
			return `Sign-off ${d.date} ${d.role} (${d.decision})`;
	}
}

/** The most recent record by date (ties: the later file name). */
export function latest<T extends { id: string; data: { date: string } }>(items: T[]): T | undefined {
	return [...items].sort((a, b) => b.data.date.localeCompare(a.data.date) || b.id.localeCompare(a.id))[0];
}

function day(value: string | Date): Date {
	return value instanceof Date ? value : new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

function ageDays(date: string, today: Date): number {
	return Math.floor((today.getTime() - day(date).getTime()) / DAY_MS);
}

function earliest(dates: Date[]): Date | undefined {
	return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : undefined;
}

function unique(evidence: Evidence[]): Evidence[] {
	const seen = new Set<string>();
	return evidence.filter((e) => {
		const key = e.type === 'record' ? `${e.collection}/${e.id}` : e.type === 'document' ? `doc/${e.id}` : `fact/${e.key}`;
		return seen.has(key) ? false : (seen.add(key), true);
	});
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
