import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkFrontmatter } from '../../src/quality/frontmatter.ts';
import { checkSections } from '../../src/quality/sections.ts';
import { loadFacts } from '../../src/facts/facts.ts';
import fs from 'node:fs';
import os from 'node:os';
import { loadSiteDocuments, type SiteDocument } from '../../src/core/site-documents.ts';
import { resolveKinds } from '../../src/core/kinds.ts';
import { z } from 'astro/zod';

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

const kinds = resolveKinds();

/** One document in a fresh content folder, read as the build reads it. */
function source(
	frontmatter: string,
	id = 'runbooks/deploy',
	body = '## Prerequisites\n## Steps\n## Verification\n## Rollback\n## Escalation\n',
): SiteDocument {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-fm-'));
	fs.mkdirSync(path.join(dir, path.dirname(id)), { recursive: true });
	fs.writeFileSync(path.join(dir, `${id}.mdx`), `---\n${frontmatter}\n---\n\n${body}`);
	return loadSiteDocuments(dir, { kinds }).all[0]!;
}

const check = (docs: SiteDocument[], profile: 'default' | 'strict' = 'strict') =>
	checkFrontmatter(docs, facts, profile, kinds);

test('a valid document passes and gets defaults', () => {
	const { documents, problems } = check([source(GOOD)]);
	assert.deepEqual(problems, []);
	assert.deepEqual(documents[0]!.data.alerts, []);
	assert.equal(documents[0]!.data.lastReviewed.toISOString().slice(0, 10), '2026-11-01');
});

test('a wrong type names the field and its line', () => {
	const { problems } = check([source(GOOD.replace('reviewEvery: 90', 'reviewEvery: "ninety"'))]);
	assert.equal(problems.length, 1);
	assert.equal(problems[0]!.field, 'frontmatter field "reviewEvery"');
	assert.equal(problems[0]!.line, 9);
});

test('a missing field and an unknown field are both reported', () => {
	const { problems } = check([source(GOOD.replace('duration: 15', 'durration: 15'))]);
	const fields = problems.map((p) => p.field).sort();
	assert.deepEqual(fields, ['frontmatter field "duration"', 'frontmatter field "durration"']);
});

test('references are checked against facts and other documents', () => {
	const fm = `${GOOD.replace('role: on-call-engineer', 'role: sre')}\nalerts: [NoSuchAlert]\nrelated: [runbooks/nope]\nseverity: SEV9`;
	const { problems } = check([source(fm)]);
	const messages = problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
	assert.equal(messages.length, 4, messages.join('\n'));
	assert.match(messages.join('\n'), /5 frontmatter field "owner\.role": unknown role "sre"/);
	assert.match(messages.join('\n'), /12 frontmatter field "alerts\.0": unknown alert "NoSuchAlert"/);
	assert.match(messages.join('\n'), /no document "runbooks\/nope"/);
	assert.match(messages.join('\n'), /unknown severity "SEV9"/);
});

test('the kind must match the folder', () => {
	const { problems } = check([source(GOOD, 'procedures/deploy')]);
	assert.match(problems[0]!.message, /"runbook" documents live in content\/runbooks\//);
});

test('missing required sections are named, headings inside code blocks do not count', () => {
	const body = '## Prerequisites\n```md\n## Steps\n```\n## Verify the result\n## If it fails\n';
	const { pages } = check([source(GOOD, 'runbooks/deploy', body)]);
	const problems = checkSections(pages, kinds);
	assert.deepEqual(
		problems.map((p) => p.message),
		[
			'a runbook needs a "## Steps" section (or a heading starting with "Procedure")',
			'a runbook needs a "## Escalation" section (or a heading starting with "Escalate")',
		],
	);
});

test('default profile: a title is all a document needs; what strict refuses is a warning', () => {
	const doc = source(
		'weight: 3\nbookHidden: true\nowner: SRE\nreviewEvery: soon\nslug: crash',
		'runbooks/kubernetes/KubePodCrashLooping',
		'# Pod crash looping\n\nPods restart.\n\n## Meaning\n## Impact\n## Diagnosis\n## Mitigation\n',
	);
	const { pages, problems, warnings, documents } = check([doc], 'default');
	assert.deepEqual(problems, []);
	assert.equal(documents.length, 0, 'incomplete for readiness');
	const data = pages[0]!.data;
	assert.equal(data.title, 'Pod crash looping');
	assert.equal(data.order, 3);
	assert.equal(data.kind, 'alert', 'the alert runbook shape, not the runbooks/ folder');
	assert.deepEqual(data.owner, { team: 'SRE' });
	assert.equal(data.excerpt, 'Pods restart.');
	assert.equal(pages[0]!.site.id, 'runbooks/kubernetes/crash');
	assert.deepEqual(pages[0]!.site.redirects, ['runbooks/kubernetes/KubePodCrashLooping']);
	assert.deepEqual(
		warnings.map((w) => `${w.line} ${w.field}`),
		['5 frontmatter field "reviewEvery"'],
	);
});

test('default profile: no front matter, the title from the file name, draft left out', () => {
	const plain = source('', 'notes/disk-full', 'Free space.\n');
	assert.equal(check([plain], 'default').pages[0]!.data.title, 'Disk full');
	const draft = source('draft: true\ntitle: Later', 'notes/later');
	const result = check([draft], 'default');
	assert.equal(result.pages.length, 0);
	assert.equal(result.drafts.length, 1);
});

test("a site's own front-matter fields: checked by strict with file:line, warned by default, kept as written", () => {
	const extra = z.object({ pagerdutyService: z.string().regex(/^P[A-Z0-9]{6}$/, 'a PagerDuty service id') });
	const withField = (value: string) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-fm-'));
		fs.mkdirSync(path.join(dir, 'runbooks'), { recursive: true });
		const body = '## Prerequisites\n## Steps\n## Verification\n## Rollback\n## Escalation\n';
		fs.writeFileSync(path.join(dir, 'runbooks/deploy.mdx'), `---\n${GOOD}\npagerdutyService: ${value}\n---\n\n${body}`);
		return loadSiteDocuments(dir, { kinds, extraFields: ['pagerdutyService'] }).all;
	};
	const good = withField('PQ7RT2K');
	assert.deepEqual(checkFrontmatter(good, facts, 'strict', kinds, new Set(), extra).problems, []);
	assert.deepEqual(good[0]!.normalized.data.extra, { pagerdutyService: 'PQ7RT2K' });
	assert.deepEqual(good[0]!.normalized.unusedKeys, []);

	const strict = checkFrontmatter(withField('team-a'), facts, 'strict', kinds, new Set(), extra);
	assert.equal(strict.problems.length, 1);
	assert.equal(strict.problems[0]!.line, 12);
	assert.equal(strict.problems[0]!.field, 'frontmatter field "pagerdutyService"');
	assert.match(strict.problems[0]!.message, /a PagerDuty service id/);

	const lenient = checkFrontmatter(withField('team-a'), facts, 'default', kinds, new Set(), extra);
	assert.deepEqual(lenient.problems, []);
	assert.deepEqual(
		lenient.warnings.map((w) => [w.line, w.field]),
		[[12, 'frontmatter field "pagerdutyService"']],
	);
	// Without the site's schema the same key is somebody else's field: strict refuses it as unknown.
	const unknown = checkFrontmatter(withField('PQ7RT2K'), facts, 'strict', kinds);
	assert.match(unknown.problems.map((p) => p.message).join('\n'), /pagerdutyService/);
});
