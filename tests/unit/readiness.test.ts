/**
 * Deployment readiness: GO for the complete fixture, and for each missing or wrong piece of evidence a NO-GO in
 * exactly the criteria that depend on it, with a reason that says what is missing. A different policy (other roles,
 * windows and criteria) changes the verdict with no code; a risk acceptance counts only when valid. Then
 * `opsbook verify` itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeFixture } from '../support/fixture-site.ts';
import { readContentInputs, type ContentInputs } from '../../src/quality/content-inputs.ts';
import { computeReadiness, type Readiness } from '../../src/records/readiness.ts';
import type { RecordSet } from '../../src/records/schema.ts';
import { parsePolicy, type Policy } from '../../src/records/policy.ts';

const FIXTURE = path.resolve('tests/fixtures/records-complete/content');
const TODAY = new Date('2026-11-26T00:00:00Z');
const base = readContentInputs(FIXTURE);

interface Inputs {
	documents: ContentInputs['readinessDocuments'];
	records: RecordSet;
	facts: Record<string, unknown>;
	policy: Policy;
}
type Change = (inputs: Inputs) => void;

function readiness(change: Change = () => {}, today = TODAY): Readiness {
	const facts = base.loaded.facts as unknown as Record<string, unknown>;
	const inputs: Inputs = structuredClone({
		documents: base.readinessDocuments,
		records: base.records,
		facts,
		policy: base.policy!,
	});
	change(inputs);
	return computeReadiness({ ...inputs, facts: inputs.facts as never, today });
}

const failing = (r: Readiness) => r.criteria.filter((c) => c.status === 'fail').map((c) => c.id);
const missing = (r: Readiness, id: string) => r.criteria.find((c) => c.id === id)!.missing.join('\n');
const doc = (inputs: Parameters<Change>[0], id: string) => inputs.documents.find((d) => d.id === id)!.data;

test('the complete fixture is GO: every criterion passes, with evidence and the day it lapses', () => {
	const r = readiness();
	assert.equal(
		r.go,
		true,
		JSON.stringify(
			r.criteria.filter((c) => !c.pass),
			null,
			2,
		),
	);
	assert.deepEqual(
		r.criteria.map((c) => c.id),
		[
			'documents',
			'security',
			'tests',
			'runbooks',
			'training',
			'rehearsal',
			'incident-response',
			'monitoring',
			'capacity',
			'signoffs',
		],
	);
	for (const c of r.criteria) assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
	// Rehearsal of 2026-11-20 + 14 days is the first evidence to lapse.
	assert.equal(r.validUntil, '2026-12-04');
	assert.deepEqual(
		r.signoffs.map((s) => [s.role, s.status]),
		[
			['security-lead', 'approved'],
			['on-call-engineer', 'approved'],
			['devops-lead', 'approved'],
			['product-owner', 'approved'],
		],
	);
	const rehearsal = r.criteria.find((c) => c.id === 'rehearsal')!;
	assert.deepEqual(rehearsal.evidence, [
		{
			type: 'record',
			collection: 'rehearsals',
			id: '2026-11-20-staging-v1.4.0',
			label: 'Rehearsal 2026-11-20 staging v1.4.0 (success)',
		},
	]);
});

const CASES: Array<{ name: string; change: Change; fails: string[]; says: RegExp }> = [
	// Training (subtask 4.2)
	{
		name: 'no training session',
		change: (i) => void (i.records.training = []),
		fails: ['training'],
		says: /no knowledge-transfer session recorded/,
	},
	{
		name: 'an agenda item of 4.2 not covered',
		change: (i) =>
			void (i.records.training[0]!.data.agenda = i.records.training[0]!.data.agenda.filter((a) => a !== 'qa')),
		fails: ['training'],
		says: /not covered by any session: Q&A session \(qa\)/,
	},
	{
		name: 'an on-call role never attended',
		change: (i) =>
			void (i.records.training[0]!.data.attendees = i.records.training[0]!.data.attendees.filter(
				(a) => a.role !== 'incident-commander',
			)),
		fails: ['training'],
		says: /no attendance recorded for: Incident commander/,
	},
	// Rehearsal (subtask 4.3); the security checklist criterion rests on the same run
	{
		name: 'no rehearsal',
		change: (i) => void (i.records.rehearsals = []),
		fails: ['security', 'rehearsal'],
		says: /no rehearsal in staging recorded/,
	},
	{
		name: 'rehearsal older than approvals.rehearsalMaxAgeDays',
		change: (i) => void (i.records.rehearsals[0]!.data.date = '2026-11-01'),
		fails: ['security', 'rehearsal'],
		says: /is 25 days old; at most 14 \(approvals\.rehearsalMaxAgeDays\)/,
	},
	{
		name: 'rehearsal failed',
		change: (i) => void (i.records.rehearsals[0]!.data.result = 'failed'),
		fails: ['security', 'rehearsal'],
		says: /result is failed: Canary dashboard loads slowly/,
	},
	{
		name: 'rehearsal in production, not staging',
		change: (i) => void (i.records.rehearsals[0]!.data.environment = 'production'),
		fails: ['security', 'rehearsal'],
		says: /no rehearsal in staging recorded/,
	},
	{
		name: 'rollback not practised',
		change: (i) => void (i.records.rehearsals[0]!.data.rollbackPractised = false),
		fails: ['rehearsal'],
		says: /rollback was not practised/,
	},
	{
		name: 'rehearsal skipped a checklist phase (security gates)',
		change: (i) =>
			void (i.records.rehearsals[0]!.data.phases = i.records.rehearsals[0]!.data.phases.filter(
				(p) => p.id !== 'security-gates',
			)),
		fails: ['security'],
		says: /did not record these checklist phases: security-gates/,
	},
	// Tests
	{
		name: 'no CI run and no verification',
		change: (i) => void ((i.records.ci = []), (i.records.verifications = [])),
		fails: ['tests'],
		says: /no CI record .* and no post-deployment verification .* in the last 30 days/,
	},
	{
		name: 'the latest CI run failed',
		change: (i) => void (i.records.ci[0]!.data.result = 'fail'),
		fails: ['tests'],
		says: /the latest CI run \(v1\.4\.0, 2026-11-19\) failed/,
	},
	{
		name: 'no CI run, and the verification has a check not run',
		change: (i) => void ((i.records.ci = []), (i.records.verifications[0]!.data.checks[0]!.result = 'not-run')),
		fails: ['tests'],
		says: /checks not passed: Health 200 \(not-run\)/,
	},
	// Monitoring
	{
		name: 'alerts neither verified in the rehearsal nor by a passing check',
		change: (i) =>
			void ((i.records.rehearsals[0]!.data.alertsVerified = false),
			(i.records.verifications[0]!.data.checks[1]!.result = 'fail')),
		fails: ['monitoring'],
		says: /did not verify alerts; the latest verification's alert checks did not all pass/,
	},
	// Sign-offs (subtask 5.3)
	{
		name: 'a required sign-off missing',
		change: (i) => void (i.records.signoffs = i.records.signoffs.filter((s) => s.data.role !== 'product-owner')),
		fails: ['signoffs'],
		says: /^Product owner: no sign-off recorded/,
	},
	{
		name: 'a sign-off rejects',
		change: (i) =>
			void Object.assign(i.records.signoffs.find((s) => s.data.role === 'security-lead')!.data, {
				decision: 'reject',
				conditions: ['Pen test finding open'],
			}),
		fails: ['signoffs'],
		says: /^Security lead: rejected on 2026-11-22: Pen test finding open/,
	},
	{
		name: 'a sign-off older than approvals.evidenceMaxAgeDays',
		change: (i) => void (i.records.signoffs.find((s) => s.data.role === 'devops-lead')!.data.date = '2026-10-01'),
		fails: ['signoffs'],
		says: /^DevOps lead: the latest sign-off \(2026-10-01\) is older than 30 days/,
	},
	// Documents (5.1) and runbooks
	{
		name: 'a runbook review overdue',
		change: (i) => void (doc(i, 'runbooks/rollback').lastReviewed = new Date('2026-01-05T00:00:00Z')),
		fails: ['documents', 'runbooks'],
		says: /runbooks\/rollback: review overdue since 2026-04-05/,
	},
	{
		name: 'a runbook still a draft',
		change: (i) => void (doc(i, 'runbooks/troubleshooting').status = 'draft'),
		fails: ['documents', 'runbooks'],
		says: /runbooks\/troubleshooting: status draft, not active \(approved\)/,
	},
	{
		name: 'no training materials document (4.1)',
		change: (i) => void (i.documents = i.documents.filter((d) => d.id !== 'training/materials')),
		fails: ['documents'],
		says: /Subtask 4\.1 \(Prepare training materials\): no document covers it/,
	},
	{
		name: 'only four incident scenarios',
		change: (i) => void (i.documents = i.documents.filter((d) => d.id !== 'playbooks/suspicious-activity')),
		fails: ['documents'],
		says: /Subtask 3\.1 \(Create security incident playbook\): 4 document\(s\) cover it, it needs 5/,
	},
	// Incident response
	{
		name: 'a playbook never exercised within its cadence',
		change: (i) =>
			void (doc(i, 'playbooks/file-upload-attacks').lastTested = {
				date: new Date('2026-01-10T00:00:00Z'),
				method: 'tabletop',
			}),
		fails: ['incident-response'],
		says: /playbooks\/file-upload-attacks: last tested 2026-01-10 \(tabletop\), more than 90 days ago/,
	},
	// Capacity
	{
		name: 'scaling runbook only tested on paper',
		change: (i) =>
			void (doc(i, 'runbooks/scaling').lastTested = { date: new Date('2026-11-12T00:00:00Z'), method: 'tabletop' }),
		fails: ['capacity'],
		says: /runbooks\/scaling: last tested by tabletop; capacity needs a rehearsal, game day or production run/,
	},
	{
		name: 'no load test',
		change: (i) => void delete (i.facts.scaling as Record<string, unknown>).loadTestDate,
		fails: ['capacity'],
		says: /no load test date \(facts\.scaling\.loadTestDate\)/,
	},
	{
		name: 'load test older than the cadence',
		change: (i) => void ((i.facts.scaling as Record<string, unknown>).loadTestDate = '2026-05-01'),
		fails: ['capacity'],
		says: /the load test \(2026-05-01\) is more than 90 days old/,
	},
];

for (const c of CASES) {
	test(`NO-GO for one missing piece: ${c.name}`, () => {
		const r = readiness(c.change);
		assert.equal(r.go, false);
		assert.deepEqual(failing(r), c.fails);
		assert.match(missing(r, c.fails.at(-1)!), c.says);
	});
}

test('a CI run too old to count is replaced by a fresh verification with every check passed', () => {
	const r = readiness((i) => void (i.records.ci[0]!.data.date = '2026-10-01'));
	assert.equal(r.go, true);
	assert.match(
		r.criteria.find((x) => x.id === 'tests')!.reason,
		/No CI record; the post-deployment verification of v1\.4\.0 on 2026-11-21 passed all 2 checks/,
	);
});

test('a playbook tested long ago still counts when a training session exercised it since', () => {
	const r = readiness(
		(i) =>
			void (doc(i, 'playbooks/data-breach').lastTested = {
				date: new Date('2026-01-10T00:00:00Z'),
				method: 'tabletop',
			}),
	);
	assert.equal(r.go, true);
	const c = r.criteria.find((x) => x.id === 'incident-response')!;
	assert.ok(c.evidence.some((e) => e.type === 'record' && e.collection === 'training'));
});

test('the latest sign-off of a role decides: a later approval replaces an earlier rejection', () => {
	const r = readiness((i) => {
		const approval = i.records.signoffs.find((s) => s.data.role === 'security-lead')!;
		i.records.signoffs.push({
			collection: 'signoffs',
			id: '2026-11-10-security-lead',
			data: { ...approval.data, date: '2026-11-10', decision: 'reject' },
		});
	});
	assert.equal(r.go, true);
	const later = readiness((i) => {
		const approval = i.records.signoffs.find((s) => s.data.role === 'security-lead')!;
		i.records.signoffs.push({
			collection: 'signoffs',
			id: '2026-11-24-security-lead',
			data: { ...approval.data, date: '2026-11-24', decision: 'reject' },
		});
	});
	assert.deepEqual(failing(later), ['signoffs']);
});

test('a policy without its approval settings fails every criterion that needs them, and says which', () => {
	const r = readiness((i) => void (i.policy.approvals = {}));
	assert.deepEqual(failing(r), ['security', 'tests', 'training', 'rehearsal', 'monitoring', 'signoffs']);
	assert.match(missing(r, 'signoffs'), /the policy has no approvals\.requiredRoles/);
	assert.match(missing(r, 'rehearsal'), /the policy has no approvals\.rehearsalEnvironment/);
	assert.deepEqual(r.signoffs, []);
});

test('without a policy file nothing can be ready: NO-GO with no criteria', () => {
	const r = computeReadiness({
		documents: base.readinessDocuments,
		records: base.records,
		facts: base.loaded.facts,
		policy: undefined,
		today: TODAY,
	});
	assert.equal(r.go, false);
	assert.deepEqual(r.criteria, []);
	assert.equal(r.policy, undefined);
});

test('evidence ages: the complete fixture is NO-GO two weeks later', () => {
	const r = readiness(undefined, new Date('2026-12-10T00:00:00Z'));
	assert.deepEqual(failing(r), ['security', 'rehearsal']);
});

// Another team's rules: the same documents and records under a different policy, written as YAML, no code.
const OTHER_POLICY = `
task:
  title: Platform release
  subtasks:
    - { id: '1.1', title: Release checklist, minDocuments: 1 }
    - { id: '2.1', title: Deploy runbook, minDocuments: 1 }
    - { id: '9.1', title: Release approval }
approvals:
  requiredRoles: [devops-lead]
  rehearsalEnvironment: staging
  rehearsalMaxAgeDays: 3
  evidenceMaxAgeDays: 7
riskAcceptance:
  acceptedBy: [devops-lead]
criteria:
  - { id: docs, title: Release documents current, subtask: '1.1', documents: {} }
  - { id: dry-run, title: Staging dry run within three days, subtask: '9.1', rehearsal: {} }
  - { id: approvals, title: DevOps lead approved, subtask: '9.1', signoffs: {} }
`;

function otherPolicy(): Policy {
	const { policy, problems } = parsePolicy(OTHER_POLICY, 'other-policy.yaml', base.loaded.facts);
	assert.deepEqual(problems, []);
	return policy!;
}

test('a second policy (other roles, windows, criteria and task) changes readiness with no code change', () => {
	const on = (day: string) => readiness((i) => void (i.policy = otherPolicy()), new Date(`${day}T00:00:00Z`));
	const early = on('2026-11-23');
	assert.equal(
		early.go,
		true,
		JSON.stringify(
			early.criteria.filter((c) => c.status === 'fail'),
			null,
			2,
		),
	);
	assert.deepEqual(
		early.criteria.map((c) => [c.id, c.kind, c.title, c.subtask]),
		[
			['docs', 'documents', 'Release documents current', '1.1'],
			['dry-run', 'rehearsal', 'Staging dry run within three days', '9.1'],
			['approvals', 'signoffs', 'DevOps lead approved', '9.1'],
		],
	);
	// One required role instead of four; the rehearsal window is 3 days, so 2026-11-20 + 3 is the first to lapse.
	assert.deepEqual(
		early.signoffs.map((s) => [s.role, s.status]),
		[['devops-lead', 'approved']],
	);
	assert.equal(early.validUntil, '2026-11-23');
	assert.match(early.criteria[0]!.rule, /^Every deliverable subtask \(1\.1, 2\.1\) is covered/);

	// The same records on the day the shipped policy calls GO: NO-GO under this one, for its own reason.
	assert.equal(readiness().go, true);
	const late = on('2026-11-26');
	assert.equal(late.go, false);
	assert.deepEqual(failing(late), ['dry-run']);
	assert.match(missing(late, 'dry-run'), /is 6 days old; at most 3 \(approvals\.rehearsalMaxAgeDays\)/);
	// Its own risk-acceptance roles too: the DevOps lead may accept, the shipped policy's product owner may not.
	const accepted = readiness((i) => {
		i.policy = otherPolicy();
		i.records.acceptances = [acceptance({ criterion: 'dry-run', role: 'devops-lead' })];
	});
	assert.deepEqual(
		accepted.criteria.map((c) => c.status),
		['pass', 'accepted', 'pass'],
	);
	assert.equal(accepted.go, true);
});

// Risk acceptance (issue #19).
function acceptance(
	data: Partial<RecordSet['acceptances'][number]['data']> = {},
	id = '2026-11-24-monitoring',
): RecordSet['acceptances'][number] {
	return {
		collection: 'acceptances',
		id,
		data: {
			criterion: 'monitoring',
			role: 'product-owner',
			person: 'sam-roe',
			date: '2026-11-24',
			reason: 'Alert routing verified by hand in staging',
			expires: '2026-12-01',
			conditions: ['Watch the error-rate dashboard for the first hour'],
			...data,
		},
	};
}
const alertsNotVerified: Change = (i) => {
	i.records.rehearsals[0]!.data.alertsVerified = false;
	i.records.verifications[0]!.data.checks[1]!.result = 'fail';
};

test('a valid acceptance by an allowed role turns a failed criterion into ACCEPTED (risk) and counts toward GO', () => {
	assert.deepEqual(failing(readiness(alertsNotVerified)), ['monitoring']);
	const r = readiness((i) => {
		alertsNotVerified(i);
		i.records.acceptances = [acceptance()];
	});
	assert.equal(r.go, true);
	const c = r.criteria.find((x) => x.id === 'monitoring')!;
	assert.equal(c.status, 'accepted');
	assert.equal(c.pass, false, 'the evidence still fails; the risk is accepted');
	assert.match(c.missing.join('\n'), /did not verify alerts/);
	assert.equal(
		c.reason,
		'Accepted as a risk by Product owner on 2026-11-24 until 2026-12-01: Alert routing verified by hand in staging',
	);
	assert.equal(c.acceptance?.who, 'Sam Roe');
	// The acceptance's last day bounds the verdict like any evidence: it ends before the rehearsal's 2026-12-04.
	assert.equal(r.validUntil, '2026-12-01');
	assert.deepEqual(
		r.acceptances.map((a) => [a.status, a.counts, a.note]),
		[['counts', true, 'counts until 2026-12-01']],
	);
});

const VOID: Array<{
	name: string;
	data: Partial<RecordSet['acceptances'][number]['data']>;
	status: string;
	note: RegExp;
}> = [
	{
		name: 'expired',
		data: { date: '2026-11-18', expires: '2026-11-25' },
		status: 'expired',
		note: /^expired on 2026-11-25$/,
	},
	{
		name: 'by a role the policy does not allow',
		data: { role: 'devops-lead' },
		status: 'role-not-allowed',
		note: /^DevOps lead may not accept this criterion; the policy allows Product owner$/,
	},
	{
		name: 'for a criterion nobody may accept',
		data: { criterion: 'signoffs' },
		status: 'role-not-allowed',
		note: /^nobody may accept this criterion/,
	},
	{
		name: 'dated after today',
		data: { date: '2026-11-27', expires: '2026-11-30' },
		status: 'not-yet',
		note: /^dated 2026-11-27, after 2026-11-26/,
	},
	{
		name: 'longer than riskAcceptance.maxDays',
		data: { expires: '2026-12-31' },
		status: 'too-long',
		note: /runs 37 days \(2026-11-24 to 2026-12-31\); the policy allows at most 14/,
	},
];

for (const v of VOID) {
	test(`an acceptance does not count when ${v.name}: the criterion stays FAIL and says why`, () => {
		const r = readiness((i) => {
			alertsNotVerified(i);
			if (v.data.criterion === 'signoffs')
				i.records.signoffs = i.records.signoffs.filter((s) => s.data.role !== 'product-owner');
			i.records.acceptances = [acceptance(v.data)];
		});
		assert.equal(r.go, false);
		const accepted = r.criteria.find((c) => c.id === (v.data.criterion ?? 'monitoring'))!;
		assert.equal(accepted.status, 'fail');
		assert.equal(accepted.acceptance, undefined);
		assert.equal(r.acceptances[0]!.status, v.status);
		assert.equal(r.acceptances[0]!.counts, false);
		assert.match(r.acceptances[0]!.note, v.note);
	});
}

test('an acceptance of a criterion that passes is not needed, and the longest valid acceptance is the one shown', () => {
	const passing = readiness((i) => void (i.records.acceptances = [acceptance()]));
	assert.equal(passing.criteria.find((c) => c.id === 'monitoring')!.status, 'pass');
	assert.equal(passing.acceptances[0]!.status, 'not-needed');
	const two = readiness((i) => {
		alertsNotVerified(i);
		i.records.acceptances = [acceptance({ expires: '2026-11-28' }, 'a'), acceptance({ expires: '2026-12-02' }, 'b')];
	});
	assert.equal(two.criteria.find((c) => c.id === 'monitoring')!.acceptance?.record.id, 'b');
});

// `npm run verify` is the same computation as a command.
const verify = (...args: string[]) =>
	spawnSync(process.execPath, ['bin/opsbook.js', 'verify', ...args], {
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' },
	});

test('verify: exit 0 and a table of PASS rows for the complete fixture', () => {
	const run = verify('--content', FIXTURE, '--today', '2026-11-26');
	assert.equal(run.status, 0, run.stdout + run.stderr);
	assert.match(run.stdout, /^1 +All documentation complete and reviewed within its cadence +PASS +All 14 documents/m);
	assert.match(run.stdout, /^10 +All sign-offs collected +PASS +All 4 required parties approved\.$/m);
	assert.match(run.stdout, /^GO: all 10 criteria pass; the evidence counts until 2026-12-04\.$/m);
});

test('verify: exit 1 and exactly what is missing when not ready; --json for machines', () => {
	const run = verify('--content', FIXTURE, '--today', '2026-12-10');
	assert.equal(run.status, 1);
	assert.match(
		run.stdout,
		/^6 +Deployment rehearsal successful +FAIL +The latest staging rehearsal \(2026-11-20\) is 20 days old; at most 14/m,
	);
	assert.match(
		run.stdout,
		/^Missing:\n {2}All security checklist items complete \(subtask 5\.2\):\n {4}- no successful staging rehearsal/m,
	);
	assert.match(run.stdout, /^NO-GO: 2 of 10 criteria not met\.$/m);

	const json = verify('--content', FIXTURE, '--today', '2026-12-10', '--json');
	assert.equal(json.status, 1);
	const report = JSON.parse(json.stdout) as {
		verdict: string;
		go: boolean;
		criteria: Array<{ id: string; pass: boolean; missing: string[]; evidence: Array<{ file: string; url?: string }> }>;
	};
	assert.equal(report.verdict, 'NO-GO');
	assert.equal(report.go, false);
	const rehearsal = report.criteria.find((c) => c.id === 'rehearsal')!;
	assert.equal(rehearsal.pass, false);
	assert.deepEqual(
		rehearsal.evidence.map((e) => [e.file.replace(/^.*records-complete/, 'fixture'), e.url]),
		[
			[
				'fixture/content/records/rehearsals/2026-11-20-staging-v1.4.0.yaml',
				'https://fixture.example.com/records/rehearsals/#rehearsals-2026-11-20-staging-v1.4.0',
			],
		],
	);
});

test('verify: the shipped repository (no records yet) is NO-GO and lists what is missing', () => {
	const run = verify('--today', '2026-11-26');
	assert.equal(run.status, 1, run.stderr);
	assert.match(run.stdout, /^NO-GO: \d+ of 10 criteria not met\.$/m);
	for (const line of [
		/no knowledge-transfer session recorded/,
		/no rehearsal in staging recorded/,
		/Security lead: no sign-off recorded/,
		/Product owner: no sign-off recorded/,
		/no CI record/,
	])
		assert.match(run.stdout, line);
});

test('verify: invalid content is exit 2 with the problems as file:line field', () => {
	const run = verify('--content', 'tests/fixtures/no-such-site');
	assert.equal(run.status, 2);
	assert.match(run.stderr, /facts\.yaml.*facts file not found/);
});

test('verify: accepted risks are listed as ACCEPTED (risk), and every acceptance says whether it counts (text and JSON)', () => {
	const dir = makeFixture('records-complete');
	fs.rmSync(path.join(dir, 'records'), { recursive: true });
	fs.cpSync(path.resolve('tests/fixtures/records-incomplete/content/records'), path.join(dir, 'records'), {
		recursive: true,
	});
	const run = verify('--content', dir, '--today', '2026-11-26');
	assert.equal(run.status, 1, run.stderr);
	assert.match(
		run.stdout,
		/^3 +All tests passing +ACCEPTED \(risk\) +Accepted as a risk by Product owner on 2026-11-25 until 2026-11-30: /m,
	);
	assert.match(
		run.stdout,
		/^Accepted as a risk \(still missing, deployed anyway\):\n {2}All tests passing \(subtask 5\.2\): Accepted/m,
	);
	assert.match(
		run.stdout,
		/^ {4}All tests passing: ACCEPTED by Product owner \(Sam Roe\) on 2026-11-25, until 2026-11-30: /m,
	);
	assert.match(
		run.stdout,
		/^ {4}Monitoring verified: DOES NOT COUNT: DevOps lead may not accept this criterion; the policy allows Product owner\. By DevOps lead \(Pat Doe\)/m,
	);
	assert.match(run.stdout, /^ {4}Deployment rehearsal successful: DOES NOT COUNT: expired on 2026-11-20\./m);
	assert.match(run.stdout, /^NO-GO: 5 of 10 criteria not met; 1 accepted as a risk \(tests\)\.$/m);

	const json = verify('--content', dir, '--today', '2026-11-26', '--json');
	const report = JSON.parse(json.stdout) as {
		criteria: Array<{ id: string; status: string; acceptance?: { file: string; role: string; expires: string } }>;
		acceptances: Array<{ id: string; status: string; counts: boolean; note: string }>;
	};
	const tests = report.criteria.find((c) => c.id === 'tests')!;
	assert.equal(tests.status, 'accepted');
	assert.deepEqual([tests.acceptance?.role, tests.acceptance?.expires], ['product-owner', '2026-11-30']);
	assert.match(tests.acceptance!.file, /records\/acceptances\/2026-11-25-tests\.yaml$/);
	assert.deepEqual(
		report.acceptances.map((a) => [a.id, a.status, a.counts]),
		[
			['2026-11-10-rehearsal', 'expired', false],
			['2026-11-25-monitoring', 'role-not-allowed', false],
			['2026-11-25-tests', 'counts', true],
		],
	);
});
