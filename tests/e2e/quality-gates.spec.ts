/**
 * Bad content never reaches the site: each case is one small change to the known-good minimal fixture, built with
 * the real pipeline, and must fail with a non-zero exit and a message naming the file and the line or field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildSite, makeFixture } from '../support/fixture-site.ts';

type Edit = [file: string, from: string | RegExp, to: string];
interface Case {
	name: string;
	edits?: Edit[];
	files?: Record<string, string | null>;
	env?: NodeJS.ProcessEnv;
	expect: RegExp;
}

const DEPLOY = 'runbooks/deploy.mdx';
const FACTS = 'facts.yaml';
const fm = (body: string) => `---\n${body}\n---\n\n## Steps\n\nText.\n`;
const VALID_FM =
	'title: Extra page\ndescription: A second procedure for the tests.\nkind: procedure\nowner: { team: SRE, role: on-call-engineer }\nservice: api\nstatus: active\nlastReviewed: 2026-11-01\nreviewEvery: 90\nlastTested: { date: 2026-11-01, method: tabletop }\nduration: 5';

const CASES: Case[] = [
	{
		name: 'wrong frontmatter type',
		edits: [[DEPLOY, 'reviewEvery: 90', 'reviewEvery: soon']],
		expect: /runbooks\/deploy\.mdx:9 frontmatter field "reviewEvery": /,
	},
	{
		name: 'missing required field',
		edits: [[DEPLOY, 'owner: { team: SRE, role: on-call-engineer }\n', '']],
		expect: /runbooks\/deploy\.mdx:\d+ frontmatter field "owner": /,
	},
	{
		name: 'unknown frontmatter field',
		edits: [[DEPLOY, 'duration: 15', 'duration: 15\ndurration: 15']],
		expect: /runbooks\/deploy\.mdx:12 frontmatter field "durration": Unrecognized key/,
	},
	{
		name: 'invalid status',
		edits: [[DEPLOY, 'status: active', 'status: live']],
		expect: /runbooks\/deploy\.mdx:7 frontmatter field "status": /,
	},
	{
		name: 'invalid date',
		edits: [[DEPLOY, 'lastReviewed: 2026-11-01', 'lastReviewed: yesterday']],
		expect: /runbooks\/deploy\.mdx:8 frontmatter field "lastReviewed": expected a date/,
	},
	{
		name: 'invalid test method',
		edits: [[DEPLOY, 'method: rehearsal', 'method: hope']],
		expect: /runbooks\/deploy\.mdx:10 frontmatter field "lastTested\.method"/,
	},
	{
		name: 'kind does not match folder',
		edits: [[DEPLOY, 'kind: runbook', 'kind: procedure']],
		expect: /runbooks\/deploy\.mdx:4 frontmatter field "kind": "procedure" documents live in content\/procedures\//,
	},
	{
		name: 'unknown owner role',
		edits: [[DEPLOY, 'role: on-call-engineer', 'role: wizard']],
		expect: /runbooks\/deploy\.mdx:5 frontmatter field "owner\.role": unknown role "wizard"/,
	},
	{
		name: 'unknown alert',
		edits: [[DEPLOY, 'alerts: [FixtureApiDown]', 'alerts: [FixtureApiDown, NoSuchAlert]']],
		expect: /runbooks\/deploy\.mdx:12 frontmatter field "alerts\.1": unknown alert "NoSuchAlert"/,
	},
	{
		name: 'reference to a missing document',
		edits: [[DEPLOY, 'alerts: [FixtureApiDown]', 'alerts: [FixtureApiDown]\nrelated: [runbooks/ghost]']],
		expect: /runbooks\/deploy\.mdx:13 frontmatter field "related\.0": no document "runbooks\/ghost"/,
	},
	{
		name: 'unknown severity',
		edits: [[DEPLOY, 'duration: 15', 'duration: 15\nseverity: SEV9']],
		expect: /runbooks\/deploy\.mdx:12 frontmatter field "severity": unknown severity "SEV9"/,
	},
	{
		name: 'YAML syntax error in frontmatter',
		edits: [[DEPLOY, 'title: Deploy the fixture', 'title: [Deploy the fixture']],
		expect: /runbooks\/deploy\.mdx:\d+:\d+ frontmatter: YAML syntax/,
	},
	{
		name: 'no frontmatter',
		files: { 'procedures/bare.mdx': '## Just text\n' },
		expect: /procedures\/bare\.mdx:1 frontmatter: missing/,
	},
	{
		name: 'file name that cannot be a URL',
		files: { 'procedures/Bad_Name.mdx': fm(VALID_FM) },
		expect: /procedures\/Bad_Name\.mdx:1 file name: /,
	},
	{
		name: 'unknown fact in prose',
		edits: [[DEPLOY, '{facts.limits.maxUploadSizeMB}', '{facts.limits.maxUpload}']],
		expect:
			/runbooks\/deploy\.mdx:17:\d+ fact: unknown fact "facts\.limits\.maxUpload"; did you mean "facts\.limits\.maxUploadSizeMB"/,
	},
	{
		name: 'unknown environment fact in a code block',
		edits: [[DEPLOY, '{env.apiHost}', '{env.apiHots}']],
		expect: /runbooks\/deploy\.mdx:24:\d+ fact: unknown fact "env\.apiHots"; did you mean "env\.apiHost"/,
	},
	{
		name: 'fact group used as a value',
		edits: [[DEPLOY, '{facts.limits.maxUploadSizeMB}', '{facts.limits}']],
		expect: /runbooks\/deploy\.mdx:17:\d+ fact: fact "facts\.limits" is a group, not a value/,
	},
	{
		name: 'facts.yaml schema error',
		edits: [[FACTS, 'ackMinutes: 5', 'ackMinutes: five']],
		expect: /facts\.yaml:\d+ severities\.0\.ackMinutes: /,
	},
	{
		name: 'facts.yaml role names an unknown person',
		edits: [[FACTS, 'primary: pat-doe', 'primary: nobody']],
		expect: /facts\.yaml:\d+ roles\.on-call-engineer\.primary: unknown person "nobody"/,
	},
	{
		name: 'environments disagree on keys',
		edits: [[FACTS, 'apiHost: api.fixture.example.com', 'apiHostname: api.fixture.example.com']],
		expect: /facts\.yaml:\d+ environments\.production: environments must define the same keys/,
	},
	{
		name: 'home entry point to a missing page',
		edits: [[FACTS, 'rollback: [runbooks/deploy]', 'rollback: [runbooks/rollback]']],
		expect: /facts\.yaml site\.home\.rollback: no page "runbooks\/rollback"/,
	},
	{
		name: 'missing required section',
		edits: [[DEPLOY, '## Escalation', '## Who to call']],
		expect: /runbooks\/deploy\.mdx:\d+ sections: a runbook needs a "## Escalation" section/,
	},
	{
		name: 'broken internal link',
		edits: [[DEPLOY, 'Undo.', 'Undo with the [rollback runbook](/runbooks/rollback/).']],
		expect: /runbooks\/deploy\.mdx:39 link: "\/runbooks\/rollback\/": no such page/,
	},
	{
		name: 'broken anchor',
		edits: [[DEPLOY, 'Undo.', 'See [severity](/procedures/escalate/#severity-sev9).']],
		expect:
			/runbooks\/deploy\.mdx:39 link: "\/procedures\/escalate\/#severity-sev9": no element with id "severity-sev9"/,
	},
	{
		name: 'duplicate id on a page',
		edits: [[DEPLOY, 'Done.', 'Done.\n\n<div id="steps">Also steps</div>']],
		expect: /runbooks\/deploy\.mdx:\d+ id: id "steps" appears more than once/,
	},
	{
		name: 'cloud access key',
		edits: [[DEPLOY, 'Undo.', 'Use key AKIAQWERTYUIOPASDFGH to undo.']],
		expect: /runbooks\/deploy\.mdx:39:\d+ secret: looks like a AWS access key id/,
	},
	{
		name: 'password in a URL',
		edits: [[DEPLOY, 'Undo.', '`psql postgres://admin:hunter2hunter2@db/app`']],
		expect: /runbooks\/deploy\.mdx:39:\d+ secret: looks like a password in URL/,
	},
	{
		name: 'private key',
		edits: [[DEPLOY, 'Undo.', '```\n-----BEGIN OPENSSH PRIVATE KEY-----\n```']],
		expect: /runbooks\/deploy\.mdx:40:1 secret: looks like a private key/,
	},
	{
		name: 'malformed secrets allow-list',
		files: { 'secrets-allowlist.yaml': '- file: runbooks/deploy.mdx\n  match: AKIA\n' },
		expect: /secrets-allowlist\.yaml:\d+ /,
	},
	{
		name: 'alert without a runbook entry',
		edits: [
			[
				FACTS,
				'alerts:\n',
				'alerts:\n  FixtureDiskFull:\n    severity: warning\n    summary: Disk almost full.\n    expr: disk_free < 0.1\n    for: 5m\n',
			],
		],
		expect:
			/facts\.yaml:\d+ alerts\.FixtureDiskFull: no runbook entry for this alert: add a "### FixtureDiskFull" section/,
	},
	{
		name: 'duplicate key in facts.yaml',
		edits: [[FACTS, '  maxUploadSizeMB: 25', '  maxUploadSizeMB: 25\n  maxUploadSizeMB: 30']],
		expect: /facts\.yaml:\d+:\d+ YAML syntax: Map keys must be unique/,
	},
	{
		name: 'duplicate key in frontmatter',
		edits: [[DEPLOY, 'duration: 15', 'duration: 15\nduration: 20']],
		expect: /runbooks\/deploy\.mdx:12:\d+ frontmatter: YAML syntax: Map keys must be unique/,
	},
	{
		name: 'overdue review in strict mode',
		edits: [[DEPLOY, 'lastReviewed: 2026-11-01', 'lastReviewed: 2025-01-01']],
		env: { OPSBOOK_STRICT_REVIEW: '1' },
		expect: /runbooks\/deploy\.mdx:8 frontmatter field "lastReviewed": review overdue by \d+ days/,
	},
];

test.describe.configure({ mode: 'parallel' });

for (const c of CASES) {
	test(`fails the build: ${c.name}`, () => {
		const dir = makeFixture('minimal', c.files ?? {});
		for (const [file, from, to] of c.edits ?? []) {
			const target = path.join(dir, file);
			const before = fs.readFileSync(target, 'utf8');
			const after = before.replace(from, to);
			expect(after, `edit applies to ${file}`).not.toBe(before);
			fs.writeFileSync(target, after);
		}
		const build = buildSite(dir, undefined, c.env);
		expect(build.status, build.output).not.toBe(0);
		expect(build.output).toMatch(c.expect);
		expect(fs.existsSync(build.outDir), 'no half-written site').toBe(false);
	});
}

test('an allow-listed example passes the secret check', () => {
	const dir = makeFixture('minimal', {
		'secrets-allowlist.yaml':
			'- file: runbooks/deploy.mdx\n  match: AKIAIOSFODNN7EXAMPLE\n  reason: The documented example key from AWS, not a real credential.\n  reviewedBy: security-lead\n  reviewed: 2026-11-20\n',
	});
	const file = path.join(dir, DEPLOY);
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Undo.', 'Example key: `AKIAIOSFODNN7EXAMPLE`.'));
	const build = buildSite(dir);
	expect(build.status, build.output).toBe(0);
});

test('overdue reviews are reported but do not fail a normal build', () => {
	const dir = makeFixture('minimal');
	const file = path.join(dir, DEPLOY);
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('lastReviewed: 2026-11-01', 'lastReviewed: 2025-01-01'));
	const build = buildSite(dir, undefined, { OPSBOOK_TODAY: '2026-11-26' });
	expect(build.status, build.output).toBe(0);
	expect(build.output).toMatch(/review overdue: 1 document/);
	expect(build.output).toMatch(/runbooks\/deploy\.mdx:8 due 2025-04-01, 604 days over, owner SRE \(on-call-engineer\)/);
	expect(fs.readFileSync(path.join(build.outDir, 'runbooks/deploy/index.html'), 'utf8')).toContain('Review overdue');
});

test('a failed build leaves the previous output intact', () => {
	const dir = makeFixture('minimal');
	const good = buildSite(dir);
	expect(good.status, good.output).toBe(0);
	const before = fs.readFileSync(path.join(good.outDir, 'runbooks/deploy/index.html'), 'utf8');
	const file = path.join(dir, DEPLOY);
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Undo.', 'Undo via [nowhere](/runbooks/nowhere/).'));
	const bad = buildSite(dir, good.outDir);
	expect(bad.status).not.toBe(0);
	expect(bad.output).toMatch(/previous site in .* was left as it was/);
	expect(fs.readFileSync(path.join(good.outDir, 'runbooks/deploy/index.html'), 'utf8')).toBe(before);
	const leftovers = fs
		.readdirSync(path.dirname(good.outDir))
		.filter((f) => f.startsWith(`${path.basename(good.outDir)}.`));
	expect(leftovers).toEqual([]);
});
