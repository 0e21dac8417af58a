import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkFrontmatter } from '../../src/quality/frontmatter.ts';
import { checkSections } from '../../src/quality/sections.ts';
import { loadFacts } from '../../src/facts/facts.ts';
import type { SourceFile } from '../../src/core/content-files.ts';

const facts = loadFacts(path.resolve('tests/fixtures/minimal/content'));

const GOOD = `title: Deploy
description: A valid runbook for the tests.
kind: runbook
owner: { team: SRE, role: on-call-engineer }
service: api
status: active
lastReviewed: 2026-11-01
reviewEvery: 90
lastTested: { date: 2026-11-01, method: rehearsal }
duration: 15`;

function source(frontmatter: string, id = 'runbooks/deploy', body = '## Prerequisites\n## Steps\n## Verification\n## Rollback\n## Escalation\n'): SourceFile {
	return { file: `/site/${id}.mdx`, id, folder: id.split('/')[0]!, frontmatter, frontmatterLine: 2, body, bodyLine: frontmatter.split('\n').length + 3 };
}

test('a valid document passes and gets defaults', () => {
	const { documents, problems } = checkFrontmatter([source(GOOD)], facts);
	assert.deepEqual(problems, []);
	assert.deepEqual(documents[0]!.data.alerts, []);
	assert.equal(documents[0]!.data.lastReviewed.toISOString().slice(0, 10), '2026-11-01');
});

test('a wrong type names the field and its line', () => {
	const { problems } = checkFrontmatter([source(GOOD.replace('reviewEvery: 90', 'reviewEvery: "ninety"'))], facts);
	assert.equal(problems.length, 1);
	assert.equal(problems[0]!.field, 'frontmatter field "reviewEvery"');
	assert.equal(problems[0]!.line, 9);
});

test('a missing field and an unknown field are both reported', () => {
	const { problems } = checkFrontmatter([source(GOOD.replace('duration: 15', 'durration: 15'))], facts);
	const fields = problems.map((p) => p.field).sort();
	assert.deepEqual(fields, ['frontmatter field "duration"', 'frontmatter field "durration"']);
});

test('references are checked against facts and other documents', () => {
	const fm = `${GOOD.replace('role: on-call-engineer', 'role: sre')}\nalerts: [NoSuchAlert]\nrelated: [runbooks/nope]\nseverity: SEV9`;
	const { problems } = checkFrontmatter([source(fm)], facts);
	const messages = problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
	assert.equal(messages.length, 4, messages.join('\n'));
	assert.match(messages.join('\n'), /5 frontmatter field "owner\.role": unknown role "sre"/);
	assert.match(messages.join('\n'), /12 frontmatter field "alerts\.0": unknown alert "NoSuchAlert"/);
	assert.match(messages.join('\n'), /no document "runbooks\/nope"/);
	assert.match(messages.join('\n'), /unknown severity "SEV9"/);
});

test('the kind must match the folder', () => {
	const { problems } = checkFrontmatter([source(GOOD, 'procedures/deploy')], facts);
	assert.match(problems[0]!.message, /"runbook" documents live in content\/runbooks\//);
});

test('missing required sections are named, headings inside code blocks do not count', () => {
	const body = '## Prerequisites\n```md\n## Steps\n```\n## Verify the result\n## If it fails\n';
	const { documents } = checkFrontmatter([source(GOOD, 'runbooks/deploy', body)], facts);
	const problems = checkSections(documents);
	assert.deepEqual(problems.map((p) => p.message), ['a runbook needs a "## Steps" section (or a heading starting with "Procedure")', 'a runbook needs a "## Escalation" section (or a heading starting with "Escalate")']);
});
