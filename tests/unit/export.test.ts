/**
 * `npm run export`: the Markdown export in the task's layout. The task's own verification commands ("Verification
 * Commands" in the source task) are run, as written, against a fresh export of the shipped content; a fixture export
 * checks facts, components, Mermaid, subtask lines, links between files and the computed approval checklist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFixture } from '../support/fixture-site.ts';

const FIXTURE = path.resolve('tests/fixtures/records-complete/content');

function exportTo(out: string, ...args: string[]): string {
	const run = spawnSync('npm', ['run', '--silent', 'export', '--', '--out', out, ...args], { encoding: 'utf8' });
	assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
	return run.stdout;
}

/** Runs one of the task's verification commands in `cwd`, exactly as the task writes it. */
function sh(command: string, cwd: string): { status: number | null; stdout: string } {
	const run = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
	return { status: run.status, stdout: run.stdout };
}

const read = (out: string, file: string) => fs.readFileSync(path.join(out, file), 'utf8');

test("the task's verification commands succeed on a fresh export of the shipped content", () => {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-export-'));
	const printed = exportTo(path.join(work, 'DOCS'));
	assert.match(
		printed,
		/^Exported \d+ Markdown files to .*DOCS\/ \(approval checklist: NO-GO on \d{4}-\d{2}-\d{2}\)\./m,
	);

	const runbooks = sh('ls -la DOCS/RUNBOOKS/', work);
	assert.equal(runbooks.status, 0);
	for (const name of [
		'DEPLOYMENT_RUNBOOK.md',
		'ROLLBACK_RUNBOOK.md',
		'SCALING_RUNBOOK.md',
		'TROUBLESHOOTING_RUNBOOK.md',
	])
		assert.match(runbooks.stdout, new RegExp(` ${name}$`, 'm'));

	const procedures = sh('ls -la DOCS/PROCEDURES/', work);
	assert.equal(procedures.status, 0);
	for (const name of [
		'DEPLOYMENT_CHECKLIST.md',
		'INCIDENT_RESPONSE_PLAYBOOK.md',
		'ESCALATION_PROCEDURES.md',
		'POST_INCIDENT_REVIEW_TEMPLATE.md',
		'TRAINING_MATERIALS.md',
		'POST_DEPLOYMENT_VERIFICATION.md',
		'COMMUNICATION_TEMPLATES.md',
	]) {
		assert.match(procedures.stdout, new RegExp(` ${name}$`, 'm'));
	}

	const subtasks = sh('grep -r "Subtask" DOCS/RUNBOOKS/ | wc -l', work);
	assert.equal(subtasks.status, 0);
	assert.ok(Number(subtasks.stdout.trim()) >= 4, `Subtask lines in RUNBOOKS: ${subtasks.stdout}`);

	const signoff = sh('grep -r "Sign-off\\|Approved by" DOCS/PROCEDURES/', work);
	assert.equal(signoff.status, 0);
	assert.match(signoff.stdout, /^DOCS\/PROCEDURES\/DEPLOYMENT_CHECKLIST\.md:## Sign-off$/m);

	const checklist = sh('cat DOCS/DEPLOYMENT_APPROVAL_CHECKLIST.md', work);
	assert.equal(checklist.status, 0);
	assert.match(checklist.stdout, /^# Deployment approval checklist$/m);
	assert.match(checklist.stdout, /^\*\*Decision: NO-GO\.\*\*/m);
	assert.match(checklist.stdout, /^- \[ \] \*\*Team trained and ready\*\* \(subtask 4\.2\): \*\*FAIL\*\*\.$/m);
	assert.match(checklist.stdout, /^\| Role \| Approved by \| Date \| Decision \| Conditions \| Signature \|$/m);
	// The risk-acceptance path is in the export too, before anyone has used it.
	assert.match(checklist.stdout, /^## Risk acceptance$/m);
	assert.match(checklist.stdout, /^\| Monitoring verified \| monitoring \| Engineering manager \|$/m);
	assert.match(checklist.stdout, /^No acceptance recorded\.$/m);

	// Plain Markdown: every fact resolved, every component rendered, Mermaid kept as code.
	const all = (fs.readdirSync(path.join(work, 'DOCS'), { recursive: true }) as string[])
		.filter((f) => f.endsWith('.md'))
		.map((f) => read(path.join(work, 'DOCS'), f))
		.join('\n');
	assert.doesNotMatch(all, /\{(facts|env)\.[A-Za-z]/);
	assert.doesNotMatch(all, /<(SeverityMatrix|Contacts)\b/);
	assert.match(all, /^```mermaid$/m);
	assert.match(read(path.join(work, 'DOCS'), 'PROCEDURES/ESCALATION_PROCEDURES.md'), /^\| SEV1 · Critical +\|/m);
});

test('a fixture export: metadata, subtask lines, facts, tables, Mermaid, links across files, and GO with the sign-offs', () => {
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-export-')), 'DOCS');
	fs.mkdirSync(path.join(out, 'RUNBOOKS'), { recursive: true });
	fs.writeFileSync(path.join(out, 'RUNBOOKS', 'STALE.md'), 'from an older export');
	fs.writeFileSync(path.join(out, 'NOTES.txt'), 'not the export’s');
	exportTo(out, '--content', FIXTURE, '--today', '2026-11-26');

	assert.deepEqual((fs.readdirSync(out, { recursive: true }) as string[]).sort(), [
		'DEPLOYMENT_APPROVAL_CHECKLIST.md',
		'NOTES.txt',
		'PROCEDURES',
		'PROCEDURES/DEPLOYMENT_CHECKLIST.md',
		'PROCEDURES/ESCALATION_PROCEDURES.md',
		'PROCEDURES/INCIDENT_RESPONSE_PLAYBOOK.md',
		'PROCEDURES/POST_DEPLOYMENT_VERIFICATION.md',
		'PROCEDURES/POST_INCIDENT_REVIEW_TEMPLATE.md',
		'PROCEDURES/TRAINING_MATERIALS.md',
		'README.md',
		'RUNBOOKS',
		'RUNBOOKS/DEPLOYMENT_RUNBOOK.md',
		'RUNBOOKS/ROLLBACK_RUNBOOK.md',
		'RUNBOOKS/SCALING_RUNBOOK.md',
		'RUNBOOKS/TROUBLESHOOTING_RUNBOOK.md',
	]);

	const runbook = read(out, 'RUNBOOKS/DEPLOYMENT_RUNBOOK.md');
	assert.match(runbook, /^# Deployment runbook$/m);
	assert.match(runbook, /^- Subtask 2\.1: Create deployment runbook$/m);
	assert.match(
		runbook,
		/^\| SRE \(On-call engineer\) \| active +\| 2026-11-20 +\| 90 days +\| 2026-11-12 \(rehearsal\) \|/m,
	);
	assert.match(runbook, /^ {3}curl -fsS https:\/\/api\.staging\.fixture\.example\.com\/healthz$/m);
	assert.match(runbook, /\[checklist\]\(\.\.\/PROCEDURES\/DEPLOYMENT_CHECKLIST\.md#security-gates\)/);
	assert.match(runbook, /\[rollback runbook\]\(ROLLBACK_RUNBOOK\.md\)/);
	assert.match(runbook, /^\| apiHost \| api\.staging\.fixture\.example\.com \| api\.fixture\.example\.com \|$/m);

	const checklist = read(out, 'PROCEDURES/DEPLOYMENT_CHECKLIST.md');
	assert.match(checklist, /^```mermaid\nflowchart TD\n {2}A\[Gates\] --> B\[Canary\]\n```$/m);
	assert.match(checklist, /^- \[ \] Security scan clean$/m);
	assert.match(checklist, /^## Sign-off$/m);
	assert.match(checklist, /^\| Security lead \| Sam Roe \| 2026-11-22 \| Approved \(v1\.4\.0\) \|/m);

	const escalation = read(out, 'PROCEDURES/ESCALATION_PROCEDURES.md');
	assert.match(
		escalation,
		/^\| SEV1 · Critical \| Everything is down for more than 25% of customers\. \| Total outage \| 5 min +\|/m,
	);
	assert.match(
		escalation,
		/^\| On-call engineer \(SRE\) +\| Pat Doe, \+1-555-0142, <pat@example\.com> \| — +\| — +\|$/m,
	);

	// Five scenarios in one file: repeated headings get GitHub's -1, -2 ... and links follow them.
	const playbook = read(out, 'PROCEDURES/INCIDENT_RESPONSE_PLAYBOOK.md');
	assert.match(playbook, /^1\. \[File upload attacks\]\(#file-upload-attacks\)$/m);
	assert.equal(playbook.match(/^- Subtask 3\.1: Create security incident playbook$/gm)?.length, 5);
	assert.match(playbook, /See \[triage\]\(#triage\) and \[the breach playbook\]\(#containment-4\)\./);
	assert.match(playbook, /^### Containment$/m);

	const training = read(out, 'PROCEDURES/TRAINING_MATERIALS.md');
	assert.match(training, /^- Subtask 4\.1: Prepare training materials$/m);
	assert.match(training, /^## Knowledge transfer sessions and attendance$/m);
	assert.match(training, /^\| Pat Doe +\| On-call engineer +\| +\|$/m);
	assert.match(training, /^\| Alex Example \| Incident commander \| +\|$/m);

	const approval = read(out, 'DEPLOYMENT_APPROVAL_CHECKLIST.md');
	assert.match(approval, /^\*\*Decision: GO\.\*\* All 10 criteria pass; the evidence counts until 2026-12-04\.$/m);
	assert.match(approval, /^- \[x\] \*\*Deployment rehearsal successful\*\* \(subtask 4\.3\): \*\*PASS\*\*\./m);
	assert.match(
		approval,
		/Evidence: \[Rehearsal 2026-11-20 staging v1\.4\.0 \(success\)\]\(https:\/\/fixture\.example\.com\/records\/rehearsals\/#rehearsals-2026-11-20-staging-v1\.4\.0\) \(`.*records\/rehearsals\/2026-11-20-staging-v1\.4\.0\.yaml`\)/,
	);
	assert.match(approval, /\[Data breach\]\(PROCEDURES\/INCIDENT_RESPONSE_PLAYBOOK\.md#data-breach\)/);
	assert.match(approval, /^\| Product owner \| Sam Roe \| 2026-11-22 \| Approved \(v1\.4\.0\) \| +\| +\|$/m);
});

test('--env picks the environment whose values commands show', () => {
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-export-')), 'DOCS');
	exportTo(out, '--content', FIXTURE, '--env', 'production');
	assert.match(
		read(out, 'RUNBOOKS/DEPLOYMENT_RUNBOOK.md'),
		/^ {3}curl -fsS https:\/\/api\.fixture\.example\.com\/healthz$/m,
	);
	assert.match(read(out, 'RUNBOOKS/DEPLOYMENT_RUNBOOK.md'), /show the Production environment \(`production`\)/);
});

test('risk acceptances in the export: the accepted criterion with who, why and until, and why the others do not count', () => {
	const dir = makeFixture('records-complete');
	fs.rmSync(path.join(dir, 'records'), { recursive: true });
	fs.cpSync(path.resolve('tests/fixtures/records-incomplete/content/records'), path.join(dir, 'records'), {
		recursive: true,
	});
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-export-')), 'DOCS');
	exportTo(out, '--content', dir, '--today', '2026-11-26');
	const approval = read(out, 'DEPLOYMENT_APPROVAL_CHECKLIST.md');
	assert.match(approval, /^\*\*Decision: NO-GO\.\*\* 5 of 10 criteria not met; 1 accepted as a risk \(tests\)\.$/m);
	assert.match(
		approval,
		/^- \[x\] \*\*All tests passing\*\* \(subtask 5\.2\): \*\*ACCEPTED \(risk\)\*\*\. Accepted by Product owner \(Sam Roe\) on 2026-11-25 until 2026-11-30: The failing suite is the flaky upload-size test; the release does not touch uploads\.$/m,
	);
	assert.match(approval, /^ {2}- Missing: the latest CI run \(v1\.4\.0, 2026-11-19\) failed/m);
	assert.match(
		approval,
		/^\| Criterion \| Accepted by \| Date \| Until \| Reason \| Conditions \| Counts \| Record \|$/m,
	);
	assert.match(
		approval,
		/^\| All tests passing \| Product owner \(Sam Roe\) \| 2026-11-25 \| 2026-11-30 \| .* \| Fix the flaky test before the next release \| Yes \| \[/m,
	);
	assert.match(
		approval,
		/^\| Monitoring verified \| DevOps lead \(Pat Doe\) \| .* \| No: DevOps lead may not accept this criterion; the policy allows Product owner \|/m,
	);
	assert.match(
		approval,
		/^\| Deployment rehearsal successful \| Product owner \(Former Product Owner\) \| .* \| No: expired on 2026-11-20 \|/m,
	);
	assert.match(approval, /\(`.*records\/acceptances\/2026-11-25-tests\.yaml`\)/);
});
