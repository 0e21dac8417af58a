/**
 * Readiness records and the policy: an invalid record or policy is reported as file:line field (before the build),
 * references are checked against facts.yaml, the documents and the policy, and the Zod schemas agree with the
 * browser export's field lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkContent } from '../../src/quality/check-content.ts';
import { checkRecords } from '../../src/records/check.ts';
import { ContentError, formatProblem } from '../../src/core/errors.ts';
import {
	rehearsalPhaseSchema,
	rehearsalSchema,
	verificationCheckSchema,
	verificationSchema,
	trainingSchema,
} from '../../src/records/schema.ts';
import {
	REHEARSAL_FIELDS,
	REHEARSAL_PHASE_FIELDS,
	VERIFICATION_CHECK_FIELDS,
	VERIFICATION_FIELDS,
} from '../../src/records/records-shape.ts';
import { newSession, recordChange, rememberChecklists } from '../../src/checklists/client/session-model.ts';
import { rehearsalRecord, verificationRecord } from '../../src/checklists/client/session-export.ts';
import { parse } from 'yaml';
import { rehearsalTiming } from '../../src/records/rehearsal-timing.ts';
import { copyFixture, makeFixture, projectOf } from '../support/fixture-site.ts';

const COMPLETE = path.resolve('tests/fixtures/records-complete/content');

/** A copy of the complete fixture with some record files written (or removed with null). */
function site(files: Record<string, string | null> = {}): string {
	return makeFixture('records-complete', files);
}

/** Every problem of the content checks, as the build prints them (paths relative to the fixture copy). */
function problems(dir: string): string[] {
	try {
		checkContent(dir);
		return [];
	} catch (error) {
		assert.ok(error instanceof ContentError, String(error));
		return error.problems.map((p) => formatProblem({ ...p, file: path.relative(dir, p.file) }));
	}
}

const ACCEPTANCE =
	'criterion: monitoring\nrole: product-owner\nperson: sam-roe\ndate: 2026-11-24\nreason: Alerts checked by hand\nexpires: 2026-12-01\n';
const REHEARSAL = fs.readFileSync(path.join(COMPLETE, 'records/rehearsals/2026-11-20-staging-v1.4.0.yaml'), 'utf8');
const BAD = 'records/rehearsals/2026-11-25-staging-v1.5.0.yaml';

test('the complete fixture has valid records, parsed into each collection', () => {
	const dir = site();
	const { facts, documents } = checkContent(dir);
	const { records, problems: found } = checkRecords(dir, facts, documents);
	assert.deepEqual(found, []);
	assert.deepEqual(Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.map((r) => r.id)])), {
		training: ['2026-11-18-knowledge-transfer'],
		rehearsals: ['2026-11-20-staging-v1.4.0'],
		verifications: ['2026-11-21-v1.4.0'],
		ci: ['2026-11-19-v1.4.0'],
		signoffs: [
			'2026-11-22-devops-lead',
			'2026-11-22-on-call-engineer',
			'2026-11-22-product-owner',
			'2026-11-22-security-lead',
		],
		acceptances: [],
	});
	// Quoted and unquoted times both end up as the same UTC string.
	assert.deepEqual(
		records.rehearsals[0]!.data.phases.map((p) => [p.start, p.end]),
		[
			['2026-11-20T09:00:00Z', '2026-11-20T09:18:00Z'],
			['2026-11-20T09:20:00Z', '2026-11-20T09:35:30Z'],
		],
	);
});

const CASES: Array<{ name: string; file?: string; text: string; expect: RegExp }> = [
	{
		name: 'unknown phase of the timed checklist',
		text: REHEARSAL.replace('id: canary', 'id: canry'),
		expect:
			/^records\/rehearsals\/2026-11-25-staging-v1\.5\.0\.yaml:7 field "phases\.1\.id": unknown phase "canry" of procedures\/deployment-checklist; its phases: security-gates, canary$/,
	},
	{
		name: 'wrong result value',
		text: REHEARSAL.replace('result: success', 'result: great'),
		expect: /^records\/rehearsals\/2026-11-25-staging-v1\.5\.0\.yaml:8 field "result": /,
	},
	{
		name: 'phase ending before it starts',
		text: REHEARSAL.replace('end: "2026-11-20T09:18:00Z"', 'end: "2026-11-20T08:18:00Z"'),
		expect: /yaml:6 field "phases\.0\.end": end is before start/,
	},
	{
		name: 'time that is not a time',
		text: REHEARSAL.replace('start: "2026-11-20T09:00:00Z"', 'start: "9am"'),
		expect: /yaml:6 field "phases\.0\.start": expected a time like/,
	},
	{
		name: 'unknown environment',
		text: REHEARSAL.replace('environment: staging', 'environment: stage'),
		expect: /yaml:2 field "environment": unknown environment "stage"; environments in facts\.yaml: staging, production/,
	},
	{
		name: 'checklist that is not a document',
		text: REHEARSAL.replace('checklist: procedures/deployment-checklist', 'checklist: procedures/deploy'),
		expect: /yaml:4 field "checklist": no document "procedures\/deploy"/,
	},
	{
		name: 'missing required field',
		text: REHEARSAL.replace('rollbackPractised: true\n', ''),
		expect: /yaml:1 field "rollbackPractised": /,
	},
	{
		name: 'unknown field',
		text: `${REHEARSAL}rolbackPractised: true\n`,
		expect: /yaml:13 field "rolbackPractised": Unrecognized key/,
	},
	{
		name: 'not a calendar date',
		text: REHEARSAL.replace('date: 2026-11-20', 'date: 2026-02-30'),
		expect: /yaml:1 field "date": not a calendar date/,
	},
	{
		name: 'YAML syntax error',
		text: REHEARSAL.replace('result: success', 'result: [success'),
		expect: /yaml:\d+:\d+ YAML: syntax: /,
	},
	{
		name: 'unknown role of an attendee',
		file: 'records/training/2026-11-25-extra.yaml',
		text: 'date: 2026-11-25\ntopic: Extra\npresenter: devops-lead\nduration: 30\nagenda: [qa]\nattendees:\n  - { person: pat-doe, role: wizard }\n',
		expect: /^records\/training\/2026-11-25-extra\.yaml:7 field "attendees\.0\.role": unknown role "wizard"/,
	},
	{
		name: 'attendee with both a person key and a name',
		file: 'records/training/2026-11-25-extra.yaml',
		text: 'date: 2026-11-25\ntopic: Extra\npresenter: devops-lead\nduration: 30\nagenda: [qa]\nattendees:\n  - { person: pat-doe, name: Pat, role: on-call-engineer }\n',
		expect: /extra\.yaml:7 field "attendees\.0\.person": give either person/,
	},
	{
		name: 'agenda item that is not in subtask 4.2',
		file: 'records/training/2026-11-25-extra.yaml',
		text: 'date: 2026-11-25\ntopic: Extra\npresenter: devops-lead\nduration: 30\nagenda: [qa, lunch]\nattendees:\n  - { person: pat-doe, role: on-call-engineer }\n',
		expect: /extra\.yaml:5 field "agenda\.1": /,
	},
	{
		name: 'unknown person in a sign-off',
		file: 'records/signoffs/2026-11-25-x.yaml',
		text: 'role: devops-lead\nperson: nobody\ndate: 2026-11-25\ndecision: approve\n',
		expect: /^records\/signoffs\/2026-11-25-x\.yaml:2 field "person": unknown person "nobody"/,
	},
	{
		name: 'sign-off decision that is neither',
		file: 'records/signoffs/2026-11-25-x.yaml',
		text: 'role: devops-lead\nname: Someone\ndate: 2026-11-25\ndecision: maybe\n',
		expect: /x\.yaml:4 field "decision": /,
	},
	{
		name: 'verification without baseline metrics',
		file: 'records/verifications/2026-11-25-x.yaml',
		text: 'date: 2026-11-25\nversion: "v1"\nenvironment: staging\nchecks:\n  - { check: Health, result: pass }\nbaselineMetrics: {}\n',
		expect: /x\.yaml:6 field "baselineMetrics": record at least one baseline metric/,
	},
	{
		name: 'CI run without a pipeline link',
		file: 'records/ci/2026-11-25-x.yaml',
		text: 'date: 2026-11-25\nversion: "v1"\npipeline: soon\nresult: pass\n',
		expect: /x\.yaml:3 field "pipeline": /,
	},
	{
		name: 'acceptance of a criterion the policy does not have',
		file: 'records/acceptances/2026-11-25-x.yaml',
		text: ACCEPTANCE.replace('criterion: monitoring', 'criterion: monitorng'),
		expect:
			/^records\/acceptances\/2026-11-25-x\.yaml:1 field "criterion": unknown criterion "monitorng"; criteria in the policy: documents, security, /,
	},
	{
		name: 'acceptance expiring before its date',
		file: 'records/acceptances/2026-11-25-x.yaml',
		text: ACCEPTANCE.replace('expires: 2026-12-01', 'expires: 2026-11-01'),
		expect: /x\.yaml:6 field "expires": expires is before date/,
	},
	{
		name: 'acceptance by a role facts.yaml does not have',
		file: 'records/acceptances/2026-11-25-x.yaml',
		text: ACCEPTANCE.replace('role: product-owner', 'role: cto'),
		expect: /x\.yaml:2 field "role": unknown role "cto"/,
	},
	{
		name: 'acceptance without a reason',
		file: 'records/acceptances/2026-11-25-x.yaml',
		text: ACCEPTANCE.replace(/reason: .*\n/, ''),
		expect: /x\.yaml:1 field "reason": /,
	},
	{
		name: 'a .yml file (not read by the site)',
		file: 'records/ci/2026-11-25-x.yml',
		text: 'date: 2026-11-25\n',
		expect: /^records\/ci\/2026-11-25-x\.yml:1 file name: record files end in \.yaml/,
	},
];

for (const c of CASES) {
	test(`an invalid record is named by file, line and field: ${c.name}`, () => {
		const found = problems(site({ [c.file ?? BAD]: c.text }));
		assert.equal(found.length, 1, found.join('\n'));
		assert.match(found[0]!, c.expect);
	});
}

const POLICY = fs.readFileSync(path.join(COMPLETE, 'policy.yaml'), 'utf8');

const POLICY_CASES: Array<{ name: string; change: (text: string) => string; expect: RegExp[] }> = [
	{
		name: 'a setting of the wrong type',
		change: (t) => t.replace('rehearsalMaxAgeDays: 14', 'rehearsalMaxAgeDays: fourteen'),
		expect: [/^policy\.yaml:59 field "approvals\.rehearsalMaxAgeDays": a number of days$/],
	},
	{
		name: 'roles and an environment facts.yaml does not have',
		change: (t) =>
			t
				.replace('trainedRoles: [on-call-engineer, incident-commander]', 'trainedRoles: [on-call-engineer, ic]')
				.replace('rehearsalEnvironment: staging', 'rehearsalEnvironment: qa'),
		expect: [
			/^policy\.yaml:\d+ field "approvals\.trainedRoles\.1": unknown role "ic"; roles in facts\.yaml: /,
			/^policy\.yaml:\d+ field "approvals\.rehearsalEnvironment": unknown environment "qa"/,
		],
	},
	{
		name: 'a criterion of an unknown kind',
		change: (t) => t.replace('    monitoring: {}', '    monitorng: {}'),
		expect: [
			/^policy\.yaml:\d+ field "criteria\.7\.monitorng": unknown field "monitorng": did you mean "monitoring"\?$/,
			/^policy\.yaml:109 field "criteria\.7": no kind given; /,
		],
	},
	{
		name: 'a parameter naming a subtask the task does not have',
		change: (t) => t.replace("scaling: { covers: '2.3'", "scaling: { covers: '2.9'"),
		expect: [/^policy\.yaml:117 field "criteria\.8\.scaling\.covers": no subtask "2\.9" in task\.subtasks$/],
	},
	{
		name: 'an unknown field',
		change: (t) => t.replace('  maxDays: 14', '  maxDays: 14\n  maxDay: 3'),
		expect: [/^policy\.yaml:\d+ field "riskAcceptance\.maxDay": Unrecognized key/],
	},
	{
		name: 'a criterion that needs a setting the policy lacks',
		change: (t) => t.replace(/ {2}evidenceMaxAgeDays: 30\n/, ''),
		expect: [
			/field "criteria\.2\.tests": a tests criterion needs approvals\.evidenceMaxAgeDays/,
			/field "criteria\.7\.monitoring": a monitoring criterion needs approvals\.evidenceMaxAgeDays/,
			/field "criteria\.9\.signoffs": a signoffs criterion needs approvals\.evidenceMaxAgeDays/,
		],
	},
];

for (const c of POLICY_CASES) {
	test(`an invalid policy.yaml is named by file, line and field: ${c.name}`, () => {
		const found = problems(site({ 'policy.yaml': c.change(POLICY) }));
		assert.equal(found.length, c.expect.length, found.join('\n'));
		for (const [i, re] of c.expect.entries()) assert.match(found[i]!, re);
	});
}

test('an agenda item is checked against the policy: another team may use its own ids', () => {
	const extra =
		'date: 2026-11-25\ntopic: Extra\npresenter: devops-lead\nduration: 30\nagenda: [lunch]\nattendees:\n  - { person: pat-doe, role: on-call-engineer }\n';
	const dir = site({
		'records/training/2026-11-25-extra.yaml': extra,
		'policy.yaml': POLICY.replace(
			'- { id: qa, title: Q&A session }',
			'- { id: qa, title: Q&A session }\n      - { id: lunch, title: Lunch and learn }',
		),
	});
	assert.deepEqual(problems(dir), []);
});

test('the policy left in facts.yaml (approvals, deploy.rehearsalMaxAgeDays) is an error that says where it went', () => {
	const dir = site();
	const facts = path.join(dir, 'facts.yaml');
	fs.writeFileSync(
		facts,
		`${fs.readFileSync(facts, 'utf8')}deploy:\n  rehearsalMaxAgeDays: 14\napprovals:\n  requiredRoles: [devops-lead]\n`,
	);
	const found = problems(dir);
	assert.equal(found.length, 2, found.join('\n'));
	assert.match(
		found[0]!,
		/^facts\.yaml:\d+ approvals: moved to policy\.yaml as approvals: \(the readiness policy\); remove it here$/,
	);
	assert.match(
		found[1]!,
		/^facts\.yaml:\d+ deploy\.rehearsalMaxAgeDays: moved to policy\.yaml as approvals\.rehearsalMaxAgeDays/,
	);
});

test('a site whose content folder is not content/ (the second site, handbook/) checks with its own policy', () => {
	const { project, contentDir } = copyFixture('second-site');
	assert.equal(path.relative(project, contentDir), 'handbook');
	assert.equal(projectOf(contentDir), project);
	const { facts, documents } = checkContent(contentDir);
	const { policy, records, problems: found } = checkRecords(contentDir, facts, documents);
	assert.deepEqual(found, []);
	assert.deepEqual(policy?.approvals.requiredRoles, ['service-owner', 'security-champion']);
	assert.deepEqual(
		records.acceptances.map((a) => a.id),
		['2026-11-25-dry-run', '2026-11-25-go-live'],
	);
});

test('a site without a policy file is valid content (it is simply never ready)', () => {
	assert.deepEqual(problems(site({ 'policy.yaml': null })), []);
});

test('the Zod schemas have exactly the fields the browser export writes, in its order', () => {
	assert.deepEqual(Object.keys(rehearsalSchema.shape), [...REHEARSAL_FIELDS]);
	assert.deepEqual(Object.keys(rehearsalPhaseSchema.shape), [...REHEARSAL_PHASE_FIELDS]);
	assert.deepEqual(Object.keys(verificationSchema.shape), [...VERIFICATION_FIELDS]);
	assert.deepEqual(Object.keys(verificationCheckSchema.shape), [...VERIFICATION_CHECK_FIELDS]);
});

test('records exported from an incident session parse with the schemas', () => {
	const phases = [{ id: 'security-gates', title: 'Security gates', minutes: 15 }];
	let s = newSession('Rehearsal', new Date('2026-11-26T10:00:00Z'), 'staging', 'id-1');
	s = rememberChecklists(s, [
		{
			hash: 'h1',
			doc: 'procedures/deployment-checklist',
			docTitle: 'Deployment checklist',
			docPhases: phases,
			title: 'Gates',
			phase: 'security-gates',
			items: [{ key: 'a', text: 'Scan clean' }],
		},
	]);
	s = recordChange(s, {
		action: 'tick',
		at: '2026-11-26T10:05:00.250Z',
		doc: 'procedures/deployment-checklist',
		docTitle: 'Deployment checklist',
		checklist: 'h1',
		title: 'Gates',
		item: 'a',
		text: 'Scan clean',
		phase: 'security-gates',
	});
	const rehearsal = rehearsalRecord(s, {
		version: 'v1.4.0',
		environment: 'staging',
		result: 'success',
		issuesFound: [],
		lessonsLearned: ['Start earlier'],
		rollbackPractised: true,
		alertsVerified: true,
	});
	const parsedRehearsal = rehearsalSchema.safeParse(parse(rehearsal.yaml));
	assert.ok(parsedRehearsal.success, JSON.stringify(parsedRehearsal.error?.issues));
	assert.deepEqual(parsedRehearsal.data.phases, [
		{ id: 'security-gates', start: '2026-11-26T10:05:00Z', end: '2026-11-26T10:05:00Z' },
	]);

	const verification = verificationRecord(s, {
		version: 'v1.4.0',
		environment: 'staging',
		baselineMetrics: ['p99LatencySeconds: 0.6'],
		checklist: 'procedures/deployment-checklist',
	});
	const parsedVerification = verificationSchema.safeParse(parse(verification.yaml));
	assert.ok(parsedVerification.success, JSON.stringify(parsedVerification.error?.issues));
	assert.deepEqual(parsedVerification.data.baselineMetrics, { p99LatencySeconds: 0.6 });
});

test('dates as Astro loads them (js-yaml Date objects) become the same strings as in the pre-build check', () => {
	const fromCheck = trainingSchema.parse({
		date: '2026-11-18',
		topic: 'T',
		presenter: 'devops-lead',
		duration: 60,
		agenda: ['qa'],
		attendees: [{ name: 'A', role: 'on-call-engineer' }],
	});
	const fromAstro = trainingSchema.parse({
		date: new Date('2026-11-18T00:00:00Z'),
		topic: 'T',
		presenter: 'devops-lead',
		duration: 60,
		agenda: ['qa'],
		attendees: [{ name: 'A', role: 'on-call-engineer' }],
	});
	assert.deepEqual(fromAstro, fromCheck);
	const phase = rehearsalPhaseSchema.parse({
		id: 'a',
		start: new Date('2026-11-20T09:00:00Z'),
		end: '2026-11-20T10:00:00+01:00',
	});
	assert.deepEqual(phase, { id: 'a', start: '2026-11-20T09:00:00Z', end: '2026-11-20T09:00:00Z' });
});

test("a rehearsal's phases against the checklist's estimates: actual, difference, phases not recorded or renamed", () => {
	const timing = rehearsalTiming(
		{
			phases: [
				{ id: 'gates', start: '2026-11-20T09:00:00Z', end: '2026-11-20T09:18:00Z' },
				{ id: 'old-name', start: '2026-11-20T09:30:00Z', end: '2026-11-20T09:35:30Z' },
			],
		},
		[
			{ id: 'gates', title: 'Security gates', minutes: 15 },
			{ id: 'canary', title: 'Canary', minutes: 20 },
		],
	);
	assert.deepEqual(timing.phases, [
		{
			id: 'gates',
			title: 'Security gates',
			estimate: 15,
			actual: 18,
			delta: 3,
			start: '2026-11-20T09:00:00Z',
			end: '2026-11-20T09:18:00Z',
		},
		{ id: 'canary', title: 'Canary', estimate: 20 },
		{ id: 'old-name', title: 'old-name', actual: 5.5, start: '2026-11-20T09:30:00Z', end: '2026-11-20T09:35:30Z' },
	]);
	assert.equal(timing.estimateTotal, 35);
	assert.equal(timing.actualTotal, 23.5);
	assert.equal(timing.elapsed, 35.5);
	assert.deepEqual(timing.unrecorded, ['canary']);
});
