/**
 * The shipped document set (issues #3 and #4): every deliverable of the source task is on the site with its required
 * sections and the subtasks it covers; every alert has its troubleshooting entry; the severity levels appear with
 * their targets; every role a document names exists in facts.yaml.
 */
import { siteContentDir } from '../support/site.ts';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import GithubSlugger from 'github-slugger';
import { REQUIRED_SECTIONS } from '../../src/core/required-sections.ts';
import { loadFacts } from '../../src/facts/facts.ts';

import { listDocumentFiles, readSourceFile } from '../../src/core/content-files.ts';

const { facts } = loadFacts(siteContentDir);

/** Document id -> kind and the source-task subtasks it must cover. */
const DELIVERABLES: Record<string, { kind: keyof typeof REQUIRED_SECTIONS; covers: string[] }> = {
	'procedures/deployment-checklist': { kind: 'procedure', covers: ['1.1'] },
	'runbooks/deployment': { kind: 'runbook', covers: ['2.1'] },
	'runbooks/rollback': { kind: 'runbook', covers: ['2.2'] },
	'runbooks/scaling': { kind: 'runbook', covers: ['2.3'] },
	'runbooks/troubleshooting': { kind: 'runbook', covers: ['2.4'] },
	'procedures/post-deployment-verification': { kind: 'procedure', covers: ['4.4'] },
	'playbooks/file-upload-attacks': { kind: 'playbook', covers: ['3.1'] },
	'playbooks/resource-exhaustion': { kind: 'playbook', covers: ['3.1'] },
	'playbooks/service-degradation': { kind: 'playbook', covers: ['3.1'] },
	'playbooks/suspicious-activity': { kind: 'playbook', covers: ['3.1'] },
	'playbooks/data-breach': { kind: 'playbook', covers: ['3.1'] },
	'procedures/escalation': { kind: 'procedure', covers: ['3.2'] },
	'templates/communication': { kind: 'template', covers: ['3.2'] },
	'templates/post-incident-review': { kind: 'template', covers: ['3.3'] },
	'training/training-materials': { kind: 'training', covers: ['4.1', '4.2'] },
};

for (const [id, want] of Object.entries(DELIVERABLES)) {
	test(`${id} is on the site with its required sections and covered subtasks`, async ({ page }) => {
		const source = readSourceFile(siteContentDir, path.join(siteContentDir, `${id}.mdx`));
		for (const subtask of want.covers)
			expect(source.frontmatter, `covers ${subtask}`).toMatch(new RegExp(`covers:.*"${subtask.replace('.', '\\.')}"`));
		await page.goto(`${id}/`);
		await expect(page.locator('h1')).toBeVisible();
		const h2 = (await page.locator('.doc-body h2').allTextContents()).map((t) =>
			t.replace(/#$/, '').trim().toLowerCase(),
		);
		for (const rule of REQUIRED_SECTIONS[want.kind]) {
			expect(
				h2.some((h) => rule.accepts.some((a) => h.startsWith(a.toLowerCase()))),
				`${id} has "## ${rule.name}"`,
			).toBe(true);
		}
	});
}

test('every alert in facts.yaml has a troubleshooting entry, and its route lands there', async ({ page }) => {
	const slugger = new GithubSlugger();
	await page.goto('runbooks/troubleshooting/');
	for (const alert of Object.keys(facts.alerts)) {
		const id = slugger.slug(alert);
		await expect(page.locator(`h3#${id}`), alert).toHaveCount(1);
	}
	const first = Object.keys(facts.alerts)[0]!;
	await page.goto(`alerts/${first}/`);
	await expect(page).toHaveURL(new RegExp(`/runbooks/troubleshooting/#${new GithubSlugger().slug(first)}$`));
});

test('the four severity levels appear with their targets, identical to facts.yaml', async ({ page }) => {
	expect(facts.severities.map((s) => s.name)).toEqual(['Critical', 'High', 'Medium', 'Low']);
	await page.goto('procedures/escalation/');
	for (const level of facts.severities) {
		const row = page.locator(`#severity-${level.id.toLowerCase()}`);
		await expect(row).toContainText(`${level.id} · ${level.name}`);
		await expect(row).toContainText(level.impact);
		const cells = await row.locator('td').allTextContents();
		expect(cells.length).toBeGreaterThanOrEqual(7);
		expect(cells.join(' ')).toContain(`${level.reviewWithinDays} days`);
	}
});

test('every role a document names exists in facts.yaml', () => {
	const roles = new Set(Object.keys(facts.roles));
	const used = new Set<string>();
	for (const file of listDocumentFiles(siteContentDir)) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/^owner: \{[^}]*role: ([a-z-]+)/gm)) used.add(m[1]!);
		for (const m of text.matchAll(/<Contacts roles=\{\[([^\]]*)\]\}/g))
			for (const r of m[1]!.matchAll(/"([a-z-]+)"/g)) used.add(r[1]!);
	}
	expect(used.size).toBeGreaterThan(5);
	expect([...used].filter((r) => !roles.has(r))).toEqual([]);
});

test('one rule for who blocks a customer and one label model, rendered from facts.yaml (issue #19)', async ({
	page,
}) => {
	const f = facts as typeof facts & { decisions: Record<string, { rule: string }>; podLabels: Record<string, string> };
	await page.goto('procedures/escalation/');
	await expect(page.locator('#decision-authority + p + table, #decision-authority ~ table').first()).toContainText(
		f.decisions.blockCustomer!.rule,
	);
	await page.goto('runbooks/troubleshooting/');
	const labels = page.locator('#the-pod-label-model ~ table').first();
	for (const key of ['all', 'stable', 'canary', 'quarantined']) await expect(labels).toContainText(f.podLabels[key]!);
});
