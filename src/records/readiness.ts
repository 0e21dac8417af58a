/**
 * Deployment readiness, computed from data instead of hand-ticked boxes: the documents' frontmatter, the records
 * under content/records/, facts.yaml, the policy (content/policy.yaml) and a day. Pure: no file access, no clock
 * (the caller passes `today`), so the approval page, `opsbook verify` and the Markdown export give the same answer
 * for the same inputs, and tests can prove each criterion on its own.
 *
 * The policy says which criteria the checklist has, in order, with their wording and parameters; each criterion
 * *kind* is a function here. Every criterion says what counts as evidence (`rule`), whether it passes, why
 * (`reason`, `missing`), what it rests on (`evidence`) and, when it passes, the last day its evidence counts
 * (`expires`). A failed criterion may be accepted as a risk in writing (content/records/acceptances/) by a role the
 * policy allows; GO only when every criterion passes or is accepted.
 */
import { latest } from './record-order.ts';
import type { DocumentData } from '../core/document-schema.ts';
import type { Facts } from '../facts/schema.ts';
import type { RecordCollection, RecordEntry, RecordSet } from './schema.ts';
import { RECORD_FOLDERS } from './records-shape.ts';
import { acceptingRoles, type CriterionKind, type CriterionSpec, type Policy, type PolicyApprovals } from './policy.ts';
import { addDays, isoDay } from '../core/dates.ts';

export interface ReadinessDocument {
	id: string;
	data: DocumentData;
}

export interface ReadinessInput {
	documents: ReadinessDocument[];
	records: RecordSet;
	facts: Facts;
	/** The parsed policy file; undefined when the site has none (then nothing can be ready). */
	policy: Policy | undefined;
	today: Date;
	/** How messages name the content folder, so they point where the records go (`content`, `handbook`). */
	contentLabel?: string | undefined;
}

export type Evidence =
	| { type: 'document'; id: string; label: string }
	| { type: 'record'; collection: RecordCollection; id: string; label: string }
	| { type: 'fact'; key: string; label: string };

export type CriterionStatus = 'pass' | 'fail' | 'accepted';

export interface Criterion {
	/** The id the policy gives it (stable: acceptances and links name it). */
	id: string;
	kind: CriterionKind;
	/** The policy's wording of the item. */
	title: string;
	/** Source task subtask the criterion traces to. */
	subtask: string;
	/** What counts as evidence, in one or two sentences. */
	rule: string;
	/** Whether the evidence meets the rule (an accepted criterion still has pass: false). */
	pass: boolean;
	/** pass, fail, or accepted: failed, with a risk acceptance that counts. */
	status: CriterionStatus;
	reason: string;
	/** Exactly what is missing or wrong, one line each (empty when the criterion passes). */
	missing: string[];
	evidence: Evidence[];
	/** Last day (YYYY-MM-DD) it counts: of its evidence when it passes, of its acceptance when accepted. */
	expires?: string;
	/** Roles the policy lets accept this criterion's risk (empty: it cannot be accepted). */
	acceptedBy: string[];
	/** The acceptance that makes the failed criterion count (the one lasting longest). */
	acceptance?: AcceptanceCheck;
}

export type AcceptanceStatus =
	| 'counts'
	| 'not-needed'
	| 'role-not-allowed'
	| 'not-yet'
	| 'expired'
	| 'too-long'
	| 'unknown-criterion';

export interface AcceptanceCheck {
	record: RecordEntry<'acceptances'>;
	/** Title of the accepted criterion (the id when the policy has no such criterion). */
	criterionTitle: string;
	roleTitle: string;
	/** Who accepted: the person's name from facts.yaml, or the free name (the page withholds it when public). */
	who: string;
	status: AcceptanceStatus;
	/** Counts toward GO: valid, unexpired, by an allowed role, for a criterion that fails. */
	counts: boolean;
	/** One sentence: why it does not count, or until when it counts. */
	note: string;
}

export interface SignoffRow {
	role: string;
	roleTitle: string;
	status: 'approved' | 'rejected' | 'expired' | 'missing';
	/** The deciding (latest) sign-off of the role, if any. */
	record?: RecordEntry<'signoffs'>;
}

export interface Readiness {
	go: boolean;
	/** The day readiness was computed for. */
	on: string;
	criteria: Criterion[];
	signoffs: SignoffRow[];
	/** Every acceptance record, each with whether it counts and why. */
	acceptances: AcceptanceCheck[];
	/** The policy applied; undefined when the site has no policy file. */
	policy?: Policy;
	/** With GO: the last day every piece of evidence and every acceptance still counts (re-run after it). */
	validUntil?: string;
}

const DAY_MS = 86_400_000;

export function computeReadiness(input: ReadinessInput): Readiness {
	const on = isoDay(input.today);
	const { policy } = input;
	if (!policy) return { go: false, on, criteria: [], signoffs: [], acceptances: [] };
	const ctx = context(input, policy);
	const evaluated = policy.criteria.map((spec) => evaluate(ctx, spec));
	const acceptances = input.records.acceptances.map((r) => checkAcceptance(ctx, r, evaluated));
	const criteria = evaluated.map((c) => withAcceptance(c, acceptances));
	const go = criteria.length > 0 && criteria.every((c) => c.status !== 'fail');
	const expiries = criteria
		.map((c) => c.expires)
		.filter((d): d is string => !!d)
		.sort();
	return {
		go,
		on,
		criteria,
		signoffs: ctx.signoffRows,
		acceptances,
		policy,
		...(go && expiries[0] ? { validUntil: expiries[0] } : {}),
	};
}

interface Context extends ReadinessInput {
	policy: Policy;
	approvals: PolicyApprovals;
	active: ReadinessDocument[];
	signoffRows: SignoffRow[];
	latestRehearsal?: RecordEntry<'rehearsals'> | undefined;
	roleTitle(key: string): string;
	/** Where a record collection's files go, for messages: `content/records/ci/`. */
	folder(collection: RecordCollection): string;
}

function context(input: ReadinessInput, policy: Policy): Context {
	const env = policy.approvals.rehearsalEnvironment;
	const ctx: Context = {
		...input,
		policy,
		approvals: policy.approvals,
		active: input.documents.filter((d) => d.data.status !== 'deprecated'),
		signoffRows: [],
		latestRehearsal: env ? latest(input.records.rehearsals.filter((r) => r.data.environment === env)) : undefined,
		roleTitle: (key) => input.facts.roles[key]?.title ?? key,
		folder: (collection) => `${input.contentLabel ?? 'content'}/${RECORD_FOLDERS[collection]}/`,
	};
	ctx.signoffRows = signoffRows(ctx);
	return ctx;
}

/** What a criterion kind computes; the policy supplies id, wording, subtask and roles. */
interface Outcome {
	rule: string;
	missing: string[];
	evidence: Evidence[];
	/** The reason shown when it passes. */
	pass: string;
	expires?: Date | undefined;
}

type Kind<K extends CriterionKind> = (ctx: Context, params: Extract<CriterionSpec, { kind: K }>['params']) => Outcome;

const KINDS: { [K in CriterionKind]: Kind<K> } = {
	documents,
	checklist,
	tests,
	runbooks,
	training,
	rehearsal,
	'incident-response': incidentResponse,
	monitoring,
	scaling,
	signoffs,
};

function evaluate(ctx: Context, spec: CriterionSpec): Criterion {
	const kind = KINDS[spec.kind] as Kind<CriterionKind>;
	const c = kind(ctx, spec.params as never);
	const pass = c.missing.length === 0;
	const rule = spec.note ? `${c.rule} ${spec.note}` : c.rule;
	const first = c.missing[0] ?? '';
	return {
		id: spec.id,
		kind: spec.kind,
		title: spec.title,
		subtask: spec.subtask,
		rule,
		pass,
		status: pass ? 'pass' : 'fail',
		reason: pass
			? c.pass
			: c.missing.length === 1
				? capitalise(first)
				: `${c.missing.length} things missing: ${first}; …`,
		missing: c.missing,
		evidence: c.evidence,
		...(pass && c.expires ? { expires: isoDay(c.expires) } : {}),
		acceptedBy: acceptingRoles(ctx.policy, spec),
	};
}

/** A setting of `approvals:` a kind needs; the policy check requires it, this keeps the computation total. */
function setting<K extends keyof PolicyApprovals>(ctx: Context, key: K, missing: string[]): PolicyApprovals[K] {
	const value = ctx.approvals[key];
	if (value === undefined) missing.push(`the policy has no approvals.${key}`);
	return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Criterion kinds.

function documents(ctx: Context): Outcome {
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	const deliverables = ctx.policy.task.subtasks.filter((s) => s.minDocuments);
	for (const { id, title, minDocuments = 1 } of deliverables) {
		const covering = ctx.active.filter((d) => d.data.covers.includes(id));
		evidence.push(...covering.map(documentEvidence));
		const name = `Subtask ${id} (${title})`;
		if (!covering.length)
			missing.push(`${name}: no document covers it (add covers: ["${id}"] to the document that does)`);
		else if (covering.length < minDocuments)
			missing.push(`${name}: ${covering.length} document(s) cover it, it needs ${minDocuments}`);
	}
	for (const d of ctx.active) {
		if (d.data.status === 'draft') missing.push(`${d.id}: still a draft (status: draft)`);
		const due = addDays(d.data.lastReviewed, d.data.reviewEvery);
		const last = isoDay(d.data.lastReviewed);
		if (due < ctx.today)
			missing.push(
				`${d.id}: review overdue since ${isoDay(due)} (last reviewed ${last}, every ${d.data.reviewEvery} days)`,
			);
	}
	const several = deliverables
		.filter((s) => (s.minDocuments ?? 1) > 1)
		.map((s) => `${s.id} by at least ${s.minDocuments}`);
	const list = deliverables.map((s) => s.id).join(', ');
	return {
		rule:
			`Every deliverable subtask (${list || 'none in the policy'}) is covered by an active document` +
			`${several.length ? ` (${several.join(', ')})` : ''}, no document is a draft and every document's ` +
			'lastReviewed + reviewEvery is today or later.',
		missing,
		evidence: unique(evidence),
		pass: `All ${ctx.active.length} documents are reviewed within their cadence and every deliverable subtask is covered.`,
		expires: earliest(ctx.active.map((d) => addDays(d.data.lastReviewed, d.data.reviewEvery))),
	};
}

function checklist(ctx: Context, { covers }: { covers: string }): Outcome {
	const checklists = ctx.active.filter((d) => d.data.covers.includes(covers));
	const missing: string[] = [];
	const evidence: Evidence[] = checklists.map(documentEvidence);
	const env = setting(ctx, 'rehearsalEnvironment', missing);
	const maxAge = setting(ctx, 'rehearsalMaxAgeDays', missing);
	const names = checklists.map((c) => c.id).join(' or ');
	let expires: Date | undefined;
	let passed = '';
	if (!checklists.length) missing.push(`no checklist: no document covers subtask ${covers}`);
	else if (env && maxAge) {
		const runs = ctx.records.rehearsals.filter(
			(r) =>
				r.data.environment === env &&
				r.data.result === 'success' &&
				checklists.some((c) => c.id === r.data.checklist) &&
				ageDays(r.data.date, ctx.today) <= maxAge,
		);
		const phasesOf = (r: RecordEntry<'rehearsals'>) => checklists.find((c) => c.id === r.data.checklist)!.data.phases;
		const complete = runs.filter((r) => {
			const phases = phasesOf(r);
			return phases.length > 0 && phases.every((p) => r.data.phases.some((t) => t.id === p.id));
		});
		const run = latest(complete);
		if (run) {
			evidence.push(recordEvidence(run));
			expires = addDays(day(run.data.date), maxAge);
			const title = checklists.find((c) => c.id === run.data.checklist)!.data.title;
			passed = `${title} ran end to end in a successful ${env} rehearsal of ${run.data.version} on ${run.data.date}.`;
		} else if (checklists.every((c) => !c.data.phases.length)) {
			missing.push(
				`${checklists.map((c) => c.id).join(', ')} declares no phases, so no rehearsal can record that it ran end to end`,
			);
		} else {
			const partial = latest(runs);
			if (partial) {
				const untimed = phasesOf(partial).filter((p) => !partial.data.phases.some((t) => t.id === p.id));
				evidence.push(recordEvidence(partial));
				const which = `the ${env} rehearsal of ${partial.data.version} (${partial.data.date})`;
				missing.push(`${which} did not record these checklist phases: ${untimed.map((p) => p.id).join(', ')}`);
			} else {
				missing.push(`no successful ${env} rehearsal of ${names} in the last ${maxAge} days`);
			}
		}
	}
	return {
		rule:
			`Opsbook cannot see individual ticks. It counts a successful rehearsal in ${env ?? 'the rehearsal environment'} ` +
			`within ${maxAge ?? 'approvals.rehearsalMaxAgeDays'} days that timed every phase of the checklist ` +
			`(covers ${covers}).`,
		missing,
		evidence,
		pass: passed,
		expires,
	};
}

function tests(ctx: Context): Outcome {
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	const maxAge = setting(ctx, 'evidenceMaxAgeDays', missing);
	let expires: Date | undefined;
	let passed = '';
	if (maxAge) {
		const recent = <T extends { data: { date: string } }>(r: T) => ageDays(r.data.date, ctx.today) <= maxAge;
		const ci = latest(ctx.records.ci.filter(recent));
		const verification = latest(ctx.records.verifications.filter(recent));
		if (ci) {
			evidence.push(recordEvidence(ci));
			const suites = ci.data.suites.length ? ` (${ci.data.suites.join(', ')})` : '';
			if (ci.data.result === 'pass') {
				passed = `CI run for ${ci.data.version} on ${ci.data.date} passed${suites}.`;
				expires = addDays(day(ci.data.date), maxAge);
			} else missing.push(`the latest CI run (${ci.data.version}, ${ci.data.date}) failed: ${ci.data.pipeline}`);
		} else if (verification) {
			evidence.push(recordEvidence(verification));
			const { version, date, checks } = verification.data;
			const bad = checks.filter((c) => c.result !== 'pass');
			if (!bad.length) {
				const all = `passed all ${checks.length} checks`;
				passed = `No CI record; the post-deployment verification of ${version} on ${date} ${all}.`;
				expires = addDays(day(date), maxAge);
			} else {
				const list = bad.map((c) => `${c.check} (${c.result})`).join('; ');
				missing.push(`no CI record, and the latest verification (${version}, ${date}) has checks not passed: ${list}`);
			}
		} else {
			missing.push(
				`no CI record (${ctx.folder('ci')}) and no post-deployment verification (${ctx.folder('verifications')}) ` +
					`in the last ${maxAge} days`,
			);
		}
	}
	return {
		rule:
			'A static site cannot see CI. It counts the latest CI record ' +
			`(${ctx.folder('ci')}: version, pipeline link, result) ` +
			`within ${maxAge ?? 'approvals.evidenceMaxAgeDays'} days with result pass; without one, the latest ` +
			'post-deployment verification record in that window with every check passed.',
		missing,
		evidence,
		pass: passed,
		expires,
	};
}

function runbooks(ctx: Context): Outcome {
	const books = ctx.active.filter((d) => d.data.kind === 'runbook');
	const missing: string[] = [];
	if (!books.length) missing.push('no runbooks');
	for (const d of books) {
		if (d.data.status !== 'active') missing.push(`${d.id}: status ${d.data.status}, not active (approved)`);
		const due = addDays(d.data.lastReviewed, d.data.reviewEvery);
		if (due < ctx.today) missing.push(`${d.id}: review overdue since ${isoDay(due)}`);
	}
	return {
		rule: 'Every runbook has status active (its owner approved it for use) and was reviewed within its reviewEvery days.',
		missing,
		evidence: books.map(documentEvidence),
		pass: `All ${books.length} runbooks are active and reviewed within their cadence.`,
		expires: earliest(books.map((d) => addDays(d.data.lastReviewed, d.data.reviewEvery))),
	};
}

function training(ctx: Context): Outcome {
	const sessions = ctx.records.training;
	const agenda = ctx.policy.task.agenda;
	const missing: string[] = [];
	const roles = setting(ctx, 'trainedRoles', missing);
	if (!agenda) missing.push('the policy has no task.agenda');
	if (!sessions.length) missing.push(`no knowledge-transfer session recorded (${ctx.folder('training')})`);
	const covered = new Set(sessions.flatMap((s) => s.data.agenda));
	const uncovered = agenda?.items.filter((a) => !covered.has(a.id)) ?? [];
	if (sessions.length && uncovered.length) {
		const list = uncovered.map((a) => `${a.title} (${a.id})`).join('; ');
		missing.push(`subtask ${agenda!.subtask} items not covered by any session: ${list}`);
	}
	if (roles) {
		const attended = new Set(sessions.flatMap((s) => s.data.attendees.map((a) => a.role)));
		const absent = roles.filter((r) => !attended.has(r));
		if (absent.length) missing.push(`no attendance recorded for: ${absent.map(ctx.roleTitle).join(', ')}`);
	}
	const items = agenda?.items ?? [];
	return {
		rule:
			`Training session records together cover every item of subtask ${agenda?.subtask ?? '(task.agenda)'} ` +
			`(${items.map((a) => a.id).join(', ')}) and someone in each of these roles attended: ` +
			`${roles?.map(ctx.roleTitle).join(', ') ?? '(approvals.trainedRoles)'}.`,
		missing,
		evidence: sessions.map(recordEvidence),
		pass: `${sessions.length} session(s) cover all ${items.length} agenda items and every on-call role attended.`,
	};
}

function rehearsal(ctx: Context): Outcome {
	const missing: string[] = [];
	const env = setting(ctx, 'rehearsalEnvironment', missing);
	const maxAge = setting(ctx, 'rehearsalMaxAgeDays', missing);
	const run = ctx.latestRehearsal;
	let expires: Date | undefined;
	if (env && maxAge) {
		if (!run) missing.push(`no rehearsal in ${env} recorded (${ctx.folder('rehearsals')})`);
		else {
			const { date, version, result, issuesFound } = run.data;
			const age = ageDays(date, ctx.today);
			if (age > maxAge)
				missing.push(
					`the latest ${env} rehearsal (${date}) is ${age} days old; at most ${maxAge} (approvals.rehearsalMaxAgeDays)`,
				);
			if (result !== 'success') {
				const issues = issuesFound.length ? `: ${issuesFound.join('; ')}` : '';
				missing.push(`the latest ${env} rehearsal (${version}, ${date}) result is ${result}${issues}`);
			}
			if (!run.data.phases.length) missing.push(`the latest ${env} rehearsal has no timed phases`);
			if (!run.data.rollbackPractised) missing.push(`rollback was not practised in the latest ${env} rehearsal`);
			expires = addDays(day(date), maxAge);
		}
	}
	const d = run?.data;
	return {
		rule:
			`The latest rehearsal in ${env ?? 'the rehearsal environment'} is at most ` +
			`${maxAge ?? 'approvals.rehearsalMaxAgeDays'} days old, succeeded, timed its phases and practised the rollback.`,
		missing,
		evidence: run ? [recordEvidence(run)] : [],
		pass: d
			? `${d.version} rehearsed in ${env} on ${d.date}: success, ${d.phases.length} phases timed, rollback practised.`
			: '',
		expires,
	};
}

function incidentResponse(ctx: Context): Outcome {
	const playbooks = ctx.active.filter((d) => d.data.kind === 'playbook');
	const missing: string[] = [];
	const evidence: Evidence[] = [];
	const expiries: Date[] = [];
	if (!playbooks.length) missing.push('no incident playbooks');
	for (const p of playbooks) {
		const window = p.data.reviewEvery;
		const exercise = latest(
			ctx.records.training.filter((s) => s.data.exercises.includes(p.id) && ageDays(s.data.date, ctx.today) <= window),
		);
		const tested = addDays(p.data.lastTested.date, window);
		if (exercise) {
			evidence.push(recordEvidence(exercise));
			expiries.push(addDays(day(exercise.data.date), window));
		} else if (tested >= ctx.today) {
			evidence.push(documentEvidence(p));
			expiries.push(tested);
		} else {
			const last = `${isoDay(p.data.lastTested.date)} (${p.data.lastTested.method})`;
			missing.push(
				`${p.id}: last tested ${last}, more than ${window} days ago, and no training session exercised it since`,
			);
		}
	}
	return {
		rule:
			'Every incident playbook was exercised within its reviewEvery days: a training session record listing it under ' +
			'exercises, or its frontmatter lastTested (tabletop, game day, rehearsal or a real incident; ' +
			"the owner's statement).",
		missing,
		evidence: unique(evidence),
		pass: `All ${playbooks.length} playbooks were exercised within their cadence.`,
		expires: earliest(expiries),
	};
}

function monitoring(ctx: Context): Outcome {
	const missing: string[] = [];
	const env = setting(ctx, 'rehearsalEnvironment', missing);
	const maxAge = setting(ctx, 'rehearsalMaxAgeDays', missing);
	const evidenceAge = setting(ctx, 'evidenceMaxAgeDays', missing);
	const evidence: Evidence[] = [];
	let passed = '';
	let expires: Date | undefined;
	const run = ctx.latestRehearsal;
	if (env && maxAge && evidenceAge) {
		if (run && ageDays(run.data.date, ctx.today) <= maxAge && run.data.alertsVerified) {
			evidence.push(recordEvidence(run));
			passed = `Alerts were verified in the ${env} rehearsal of ${run.data.version} on ${run.data.date}.`;
			expires = addDays(day(run.data.date), maxAge);
		}
		const alertCheck = (c: { check: string }) => /alert/i.test(c.check);
		const verification = latest(
			ctx.records.verifications.filter(
				(r) => ageDays(r.data.date, ctx.today) <= evidenceAge && r.data.checks.some(alertCheck),
			),
		);
		const verified = verification?.data.checks.filter(alertCheck).every((c) => c.result === 'pass');
		if (!passed && verification && verified) {
			const { version, environment, date } = verification.data;
			evidence.push(recordEvidence(verification));
			passed = `Alert checks passed in the post-deployment verification of ${version} (${environment}) on ${date}.`;
			expires = addDays(day(date), evidenceAge);
		}
		if (!passed) {
			if (run) evidence.push(recordEvidence(run));
			if (verification) evidence.push(recordEvidence(verification));
			const why = run?.data.alertsVerified ? `is older than ${maxAge} days` : 'did not verify alerts';
			const fromRehearsal = run
				? `the latest ${env} rehearsal (${run.data.date}) ${why}`
				: `no ${env} rehearsal with alertsVerified: true`;
			const fromVerification = verification
				? `the latest verification's alert checks did not all pass`
				: `no post-deployment verification with a passing alert check in the last ${evidenceAge} days`;
			missing.push(`${fromRehearsal}; ${fromVerification}`);
		}
	}
	return {
		rule:
			`The latest ${env ?? 'rehearsal-environment'} rehearsal ` +
			`(within ${maxAge ?? 'approvals.rehearsalMaxAgeDays'} days) has alertsVerified: true, or a post-deployment ` +
			`verification within ${evidenceAge ?? 'approvals.evidenceMaxAgeDays'} days has checks naming alerts, all passed.`,
		missing,
		evidence,
		pass: passed,
		expires,
	};
}

const CAPACITY_TEST_METHODS = new Set(['rehearsal', 'game-day', 'production']);

function scaling(ctx: Context, { covers, loadTest }: { covers: string; loadTest: string }): Outcome {
	const docs = ctx.active.filter((d) => d.data.covers.includes(covers));
	const missing: string[] = [];
	const evidence: Evidence[] = docs.map(documentEvidence);
	const expiries: Date[] = [];
	if (!docs.length) missing.push(`no scaling runbook: no document covers subtask ${covers}`);
	for (const d of docs) {
		const reviewDue = addDays(d.data.lastReviewed, d.data.reviewEvery);
		const testDue = addDays(d.data.lastTested.date, d.data.reviewEvery);
		const { method } = d.data.lastTested;
		if (d.data.status !== 'active') missing.push(`${d.id}: status ${d.data.status}, not active`);
		if (reviewDue < ctx.today) missing.push(`${d.id}: review overdue since ${isoDay(reviewDue)}`);
		if (!CAPACITY_TEST_METHODS.has(method))
			missing.push(`${d.id}: last tested by ${method}; capacity needs a rehearsal, game day or production run`);
		else if (testDue < ctx.today)
			missing.push(`${d.id}: last tested ${isoDay(d.data.lastTested.date)}, more than ${d.data.reviewEvery} days ago`);
		expiries.push(reviewDue, testDue);
	}
	const measured = factAt(ctx.facts, loadTest);
	const loadTestDay = typeof measured === 'string' || measured instanceof Date ? day(measured) : undefined;
	const window = Math.min(...docs.map((d) => d.data.reviewEvery), Number.POSITIVE_INFINITY);
	if (!loadTestDay || Number.isNaN(loadTestDay.getTime())) {
		missing.push(`no load test date (facts.${loadTest}): the per-pod capacity the plan uses was never measured`);
	} else {
		const when = isoDay(loadTestDay);
		evidence.push({ type: 'fact', key: loadTest, label: `Load test on ${when} (facts.${loadTest})` });
		if (docs.length && ageDays(when, ctx.today) > window)
			missing.push(`the load test (${when}) is more than ${window} days old: measure capacity again`);
		if (docs.length) expiries.push(addDays(loadTestDay, window));
	}
	return {
		rule:
			`The scaling runbook (covers ${covers}) is active, reviewed and tested by a rehearsal, game day or production run ` +
			`within its reviewEvery days, and the load test that measured per-pod capacity (facts.${loadTest}) is no older ` +
			'than that cadence.',
		missing,
		evidence,
		pass: 'The scaling runbook is reviewed and tested and the capacity model rests on a recent load test.',
		expires: earliest(expiries),
	};
}

function signoffs(ctx: Context): Outcome {
	const missing: string[] = [];
	const required = setting(ctx, 'requiredRoles', missing);
	const maxAge = setting(ctx, 'evidenceMaxAgeDays', missing);
	const expiries: Date[] = [];
	for (const row of ctx.signoffRows) {
		const r = row.record?.data;
		if (row.status === 'missing') missing.push(`${row.roleTitle}: no sign-off recorded (${ctx.folder('signoffs')})`);
		else if (row.status === 'expired')
			missing.push(`${row.roleTitle}: the latest sign-off (${r!.date}) is older than ${maxAge} days`);
		else if (row.status === 'rejected') {
			missing.push(
				`${row.roleTitle}: rejected on ${r!.date}${r!.conditions.length ? `: ${r!.conditions.join('; ')}` : ''}`,
			);
		} else if (maxAge) expiries.push(addDays(day(r!.date), maxAge));
	}
	return {
		rule:
			`The latest sign-off of each required role ` +
			`(${required?.map(ctx.roleTitle).join(', ') ?? 'approvals.requiredRoles'}) ` +
			`approves and is at most ${maxAge ?? 'approvals.evidenceMaxAgeDays'} days old.`,
		missing,
		evidence: ctx.signoffRows.flatMap((r) => (r.record ? [recordEvidence(r.record)] : [])),
		pass: `All ${ctx.signoffRows.length} required parties approved.`,
		expires: earliest(expiries),
	};
}

function signoffRows(ctx: Context): SignoffRow[] {
	const { requiredRoles, evidenceMaxAgeDays } = ctx.approvals;
	if (!requiredRoles || !evidenceMaxAgeDays) return [];
	return requiredRoles.map((role) => {
		const record = latest(ctx.records.signoffs.filter((s) => s.data.role === role));
		const base = { role, roleTitle: ctx.roleTitle(role) };
		if (!record) return { ...base, status: 'missing' as const };
		const tooOld = ageDays(record.data.date, ctx.today) > evidenceMaxAgeDays;
		const status = tooOld ? 'expired' : record.data.decision === 'approve' ? 'approved' : 'rejected';
		return { ...base, status, record };
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Risk acceptance (issue #19).

/** Whether one acceptance record counts, and if not, why: the page and the report show the sentence as is. */
function checkAcceptance(ctx: Context, record: RecordEntry<'acceptances'>, criteria: Criterion[]): AcceptanceCheck {
	const a = record.data;
	const criterion = criteria.find((c) => c.id === a.criterion);
	const roleTitle = ctx.roleTitle(a.role);
	const result = (status: AcceptanceStatus, note: string): AcceptanceCheck => ({
		record,
		criterionTitle: criterion?.title ?? a.criterion,
		roleTitle,
		who: a.person ? (ctx.facts.people[a.person]?.name ?? a.person) : (a.name ?? ''),
		status,
		counts: status === 'counts',
		note,
	});
	if (!criterion) return result('unknown-criterion', `the policy has no criterion "${a.criterion}"`);
	if (!criterion.acceptedBy.includes(a.role)) {
		const allowed = criterion.acceptedBy.map(ctx.roleTitle).join(', ');
		return result(
			'role-not-allowed',
			allowed
				? `${roleTitle} may not accept this criterion; the policy allows ${allowed}`
				: 'nobody may accept this criterion (acceptedBy: [] in the policy)',
		);
	}
	const today = isoDay(ctx.today);
	if (a.date > today) return result('not-yet', `dated ${a.date}, after ${today}: it counts from that day`);
	if (a.expires < today) return result('expired', `expired on ${a.expires}`);
	const maxDays = ctx.policy.riskAcceptance.maxDays;
	const span = ageDays(a.date, day(a.expires));
	if (maxDays && span > maxDays) {
		return result(
			'too-long',
			`runs ${span} days (${a.date} to ${a.expires}); the policy allows at most ${maxDays} (riskAcceptance.maxDays)`,
		);
	}
	if (criterion.pass)
		return result('not-needed', `not needed: the criterion passes on its evidence (valid until ${a.expires})`);
	return result('counts', `counts until ${a.expires}`);
}

/** A failed criterion with an acceptance that counts becomes accepted, until the acceptance expires. */
function withAcceptance(c: Criterion, checks: AcceptanceCheck[]): Criterion {
	if (c.pass) return c;
	const valid = checks.filter((a) => a.counts && a.record.data.criterion === c.id);
	const best = [...valid].sort((x, y) => y.record.data.expires.localeCompare(x.record.data.expires))[0];
	if (!best) return c;
	const a = best.record.data;
	return {
		...c,
		status: 'accepted',
		reason: `Accepted as a risk by ${best.roleTitle} on ${a.date} until ${a.expires}: ${a.reason}`,
		expires: a.expires,
		acceptance: best,
	};
}

// ---------------------------------------------------------------------------------------------------------------

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
		case 'acceptances':
			return `Risk acceptance ${d.date} ${d.criterion} by ${d.role} (until ${d.expires})`;
	}
}

/** The most recent record by date (ties: the later file name): src/records/record-order.ts. */
export { latest };

/** A value of facts.yaml by dotted key (`scaling.loadTestDate`), or undefined. */
function factAt(facts: Facts, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
			facts,
		);
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
		const key =
			e.type === 'record' ? `${e.collection}/${e.id}` : e.type === 'document' ? `doc/${e.id}` : `fact/${e.key}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
