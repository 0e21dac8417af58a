/**
 * Deployment readiness: GO for the complete fixture, and for each missing or wrong piece of evidence a NO-GO in
 * exactly the criteria that depend on it, with a reason that says what is missing. Then `npm run verify` itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readContentInputs, type ContentInputs } from '../../src/quality/content-inputs.ts';
import { computeReadiness, type CriterionId, type Readiness } from '../../src/records/readiness.ts';
import type { RecordSet } from '../../src/records/schema.ts';

const FIXTURE = path.resolve('tests/fixtures/records-complete/content');
const TODAY = new Date('2026-11-26T00:00:00Z');
const base = readContentInputs(FIXTURE);

type Change = (inputs: { documents: ContentInputs['readinessDocuments']; records: RecordSet; facts: Record<string, unknown> }) => void;

function readiness(change: Change = () => {}, today = TODAY): Readiness {
	const inputs = structuredClone({ documents: base.readinessDocuments, records: base.records, facts: base.loaded.facts as unknown as Record<string, unknown> });
	change(inputs);
	return computeReadiness({ documents: inputs.documents, records: inputs.records, facts: inputs.facts as never, today });
}

const failing = (r: Readiness) => r.criteria.filter((c) => !c.pass).map((c) => c.id);
const missing = (r: Readiness, id: CriterionId) => r.criteria.find((c) => c.id === id)!.missing.join('\n');
const doc = (inputs: Parameters<Change>[0], id: string) => inputs.documents.find((d) => d.id === id)!.data;

test('the complete fixture is GO: every criterion passes, with evidence and the day it lapses', () => {
	const r = readiness();
	assert.equal(r.go, true, JSON.stringify(r.criteria.filter((c) => !c.pass), null, 2));
	assert.deepEqual(r.criteria.map((c) => c.id), ['documents', 'security', 'tests', 'runbooks', 'training', 'rehearsal', 'incident-response', 'monitoring', 'capacity', 'signoffs']);
	for (const c of r.criteria) assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
	// Rehearsal of 2026-11-20 + 14 days is the first evidence to lapse.
	assert.equal(r.validUntil, '2026-12-04');
	assert.deepEqual(r.signoffs.map((s) => [s.role, s.status]), [['security-lead', 'approved'], ['on-call-engineer', 'approved'], ['devops-lead', 'approved'], ['product-owner', 'approved']]);
	const rehearsal = r.criteria.find((c) => c.id === 'rehearsal')!;
	assert.deepEqual(rehearsal.evidence, [{ type: 'record', collection: 'rehearsals', id: '2026-11-20-staging-v1.4.0', label: 'Rehearsal 2026-11-20 staging v1.4.0 (success)' }]);
});

const CASES: Array<{ name: string; change: Change; fails: CriterionId[]; says: RegExp }> = [
	// Training (subtask 4.2)
	{ name: 'no training session', change: (i) => void (i.records.training = []), fails: ['training'], says: /no knowledge-transfer session recorded/ },
	{ name: 'an agenda item of 4.2 not covered', change: (i) => void (i.records.training[0]!.data.agenda = i.records.training[0]!.data.agenda.filter((a) => a !== 'qa')), fails: ['training'], says: /not covered by any session: Q&A session \(qa\)/ },
	{ name: 'an on-call role never attended', change: (i) => void (i.records.training[0]!.data.attendees = i.records.training[0]!.data.attendees.filter((a) => a.role !== 'incident-commander')), fails: ['training'], says: /no attendance recorded for: Incident commander/ },
	// Rehearsal (subtask 4.3); the security checklist criterion rests on the same run
	{ name: 'no rehearsal', change: (i) => void (i.records.rehearsals = []), fails: ['security', 'rehearsal'], says: /no rehearsal in staging recorded/ },
	{ name: 'rehearsal older than deploy.rehearsalMaxAgeDays', change: (i) => void (i.records.rehearsals[0]!.data.date = '2026-11-01'), fails: ['security', 'rehearsal'], says: /is 25 days old; at most 14 \(deploy\.rehearsalMaxAgeDays\)/ },
	{ name: 'rehearsal failed', change: (i) => void (i.records.rehearsals[0]!.data.result = 'failed'), fails: ['security', 'rehearsal'], says: /result is failed: Canary dashboard loads slowly/ },
	{ name: 'rehearsal in production, not staging', change: (i) => void (i.records.rehearsals[0]!.data.environment = 'production'), fails: ['security', 'rehearsal'], says: /no rehearsal in staging recorded/ },
	{ name: 'rollback not practised', change: (i) => void (i.records.rehearsals[0]!.data.rollbackPractised = false), fails: ['rehearsal'], says: /rollback was not practised/ },
	{ name: 'rehearsal skipped a checklist phase (security gates)', change: (i) => void (i.records.rehearsals[0]!.data.phases = i.records.rehearsals[0]!.data.phases.filter((p) => p.id !== 'security-gates')), fails: ['security'], says: /did not record these checklist phases: security-gates/ },
	// Tests
	{ name: 'no CI run and no verification', change: (i) => void ((i.records.ci = []), (i.records.verifications = [])), fails: ['tests'], says: /no CI record .* and no post-deployment verification .* in the last 30 days/ },
	{ name: 'the latest CI run failed', change: (i) => void (i.records.ci[0]!.data.result = 'fail'), fails: ['tests'], says: /the latest CI run \(v1\.4\.0, 2026-11-19\) failed/ },
	{ name: 'no CI run, and the verification has a check not run', change: (i) => void ((i.records.ci = []), (i.records.verifications[0]!.data.checks[0]!.result = 'not-run')), fails: ['tests'], says: /checks not passed: Health 200 \(not-run\)/ },
	// Monitoring
	{ name: 'alerts neither verified in the rehearsal nor by a passing check', change: (i) => void ((i.records.rehearsals[0]!.data.alertsVerified = false), (i.records.verifications[0]!.data.checks[1]!.result = 'fail')), fails: ['monitoring'], says: /did not verify alerts; the latest verification's alert checks did not all pass/ },
	// Sign-offs (subtask 5.3)
	{ name: 'a required sign-off missing', change: (i) => void (i.records.signoffs = i.records.signoffs.filter((s) => s.data.role !== 'product-owner')), fails: ['signoffs'], says: /^Product owner: no sign-off recorded/ },
	{ name: 'a sign-off rejects', change: (i) => void Object.assign(i.records.signoffs.find((s) => s.data.role === 'security-lead')!.data, { decision: 'reject', conditions: ['Pen test finding open'] }), fails: ['signoffs'], says: /^Security lead: rejected on 2026-11-22: Pen test finding open/ },
	{ name: 'a sign-off older than approvals.evidenceMaxAgeDays', change: (i) => void (i.records.signoffs.find((s) => s.data.role === 'devops-lead')!.data.date = '2026-10-01'), fails: ['signoffs'], says: /^DevOps lead: the latest sign-off \(2026-10-01\) is older than 30 days/ },
	// Documents (5.1) and runbooks
	{ name: 'a runbook review overdue', change: (i) => void (doc(i, 'runbooks/rollback').lastReviewed = new Date('2026-01-05T00:00:00Z')), fails: ['documents', 'runbooks'], says: /runbooks\/rollback: review overdue since 2026-04-05/ },
	{ name: 'a runbook still a draft', change: (i) => void (doc(i, 'runbooks/troubleshooting').status = 'draft'), fails: ['documents', 'runbooks'], says: /runbooks\/troubleshooting: status draft, not active \(approved\)/ },
	{ name: 'no training materials document (4.1)', change: (i) => void (i.documents = i.documents.filter((d) => d.id !== 'training/materials')), fails: ['documents'], says: /Subtask 4\.1 \(Prepare training materials\): no document covers it/ },
	{ name: 'only four incident scenarios', change: (i) => void (i.documents = i.documents.filter((d) => d.id !== 'playbooks/suspicious-activity')), fails: ['documents'], says: /Subtask 3\.1 \(Create security incident playbook\): 4 document\(s\) cover it, it needs 5/ },
	// Incident response
	{ name: 'a playbook never exercised within its cadence', change: (i) => void (doc(i, 'playbooks/file-upload-attacks').lastTested = { date: new Date('2026-01-10T00:00:00Z'), method: 'tabletop' }), fails: ['incident-response'], says: /playbooks\/file-upload-attacks: last tested 2026-01-10 \(tabletop\), more than 90 days ago/ },
	// Capacity
	{ name: 'scaling runbook only tested on paper', change: (i) => void (doc(i, 'runbooks/scaling').lastTested = { date: new Date('2026-11-12T00:00:00Z'), method: 'tabletop' }), fails: ['capacity'], says: /runbooks\/scaling: last tested by tabletop; capacity needs a rehearsal, game day or production run/ },
	{ name: 'no load test', change: (i) => void delete (i.facts.scaling as Record<string, unknown>).loadTestDate, fails: ['capacity'], says: /no load test date \(facts\.scaling\.loadTestDate\)/ },
	{ name: 'load test older than the cadence', change: (i) => void ((i.facts.scaling as Record<string, unknown>).loadTestDate = '2026-05-01'), fails: ['capacity'], says: /the load test \(2026-05-01\) is more than 90 days old/ },
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
	assert.match(r.criteria.find((x) => x.id === 'tests')!.reason, /No CI record; the post-deployment verification of v1\.4\.0 on 2026-11-21 passed all 2 checks/);
});

test('a playbook tested long ago still counts when a training session exercised it since', () => {
	const r = readiness((i) => void (doc(i, 'playbooks/data-breach').lastTested = { date: new Date('2026-01-10T00:00:00Z'), method: 'tabletop' }));
	assert.equal(r.go, true);
	const c = r.criteria.find((x) => x.id === 'incident-response')!;
	assert.ok(c.evidence.some((e) => e.type === 'record' && e.collection === 'training'));
});

test('the latest sign-off of a role decides: a later approval replaces an earlier rejection', () => {
	const r = readiness((i) => {
		const approval = i.records.signoffs.find((s) => s.data.role === 'security-lead')!;
		i.records.signoffs.push({ collection: 'signoffs', id: '2026-11-10-security-lead', data: { ...approval.data, date: '2026-11-10', decision: 'reject' } });
	});
	assert.equal(r.go, true);
	const later = readiness((i) => {
		const approval = i.records.signoffs.find((s) => s.data.role === 'security-lead')!;
		i.records.signoffs.push({ collection: 'signoffs', id: '2026-11-24-security-lead', data: { ...approval.data, date: '2026-11-24', decision: 'reject' } });
	});
	assert.deepEqual(failing(later), ['signoffs']);
});

test('without an approvals policy in facts.yaml every criterion that needs it fails, and says why', () => {
	const r = readiness((i) => void delete i.facts.approvals);
	assert.deepEqual(failing(r), ['security', 'tests', 'training', 'rehearsal', 'monitoring', 'signoffs']);
	assert.match(missing(r, 'signoffs'), /facts\.yaml has no valid approvals: section/);
	assert.deepEqual(r.signoffs, []);
});

test('evidence ages: the complete fixture is NO-GO two weeks later', () => {
	const r = readiness(undefined, new Date('2026-12-10T00:00:00Z'));
	assert.deepEqual(failing(r), ['security', 'rehearsal']);
});

// `npm run verify` is the same computation as a command.
const verify = (...args: string[]) => spawnSync(process.execPath, ['bin/opsbook.js', 'verify', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

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
	assert.match(run.stdout, /^6 +Deployment rehearsal successful +FAIL +The latest staging rehearsal \(2026-11-20\) is 20 days old; at most 14/m);
	assert.match(run.stdout, /^Missing:\n {2}All security checklist items complete \(subtask 5\.2\):\n {4}- no successful staging rehearsal/m);
	assert.match(run.stdout, /^NO-GO: 2 of 10 criteria not met\.$/m);

	const json = verify('--content', FIXTURE, '--today', '2026-12-10', '--json');
	assert.equal(json.status, 1);
	const report = JSON.parse(json.stdout) as { verdict: string; go: boolean; criteria: Array<{ id: string; pass: boolean; missing: string[]; evidence: Array<{ file: string; url?: string }> }> };
	assert.equal(report.verdict, 'NO-GO');
	assert.equal(report.go, false);
	const rehearsal = report.criteria.find((c) => c.id === 'rehearsal')!;
	assert.equal(rehearsal.pass, false);
	assert.deepEqual(rehearsal.evidence.map((e) => [e.file.replace(/^.*records-complete/, 'fixture'), e.url]), [
		['fixture/content/records/rehearsals/2026-11-20-staging-v1.4.0.yaml', 'https://fixture.example.com/records/rehearsals/#rehearsals-2026-11-20-staging-v1.4.0'],
	]);
});

test('verify: the shipped repository (no records yet) is NO-GO and lists what is missing', () => {
	const run = verify('--today', '2026-11-26');
	assert.equal(run.status, 1, run.stderr);
	assert.match(run.stdout, /^NO-GO: \d+ of 10 criteria not met\.$/m);
	for (const line of [/no knowledge-transfer session recorded/, /no rehearsal in staging recorded/, /Security lead: no sign-off recorded/, /Product owner: no sign-off recorded/, /no CI record/]) assert.match(run.stdout, line);
});

test('verify: invalid content is exit 2 with the problems as file:line field', () => {
	const run = verify('--content', 'tests/fixtures/no-such-site');
	assert.equal(run.status, 2);
	assert.match(run.stderr, /facts\.yaml.*facts file not found/);
});
