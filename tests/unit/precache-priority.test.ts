import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precacheRank, PRIORITY_LABELS, selectPrecache } from '../../src/offline/precache-priority.ts';

const pages = new Map([
	['playbooks/breach/index.html', { kind: 'playbook', tags: [] }],
	['runbooks/rollback/index.html', { kind: 'runbook', tags: ['critical'] }],
	['runbooks/scaling/index.html', { kind: 'runbook', tags: [] }],
	['training/intro/index.html', { kind: 'training', tags: [] }],
	['procedures/escalation/index.html', { kind: 'procedure', tags: [] }],
]);
const label = (sitePath: string) => PRIORITY_LABELS[precacheRank(sitePath, pages).group];

test('the precache order: essentials, cards, playbooks, critical, search index, sections, other documents', () => {
	assert.equal(label('index.html'), 'site essentials');
	assert.equal(label('offline/index.html'), 'site essentials');
	assert.equal(label('_astro/page.abc123.js'), 'site essentials');
	assert.equal(label('favicon.svg'), 'site essentials');
	assert.equal(label('cards/rollback/index.html'), 'cards');
	assert.equal(label('cards/rollback.pdf'), 'cards');
	assert.equal(label('playbooks/breach/index.html'), 'playbooks');
	assert.equal(label('runbooks/rollback/index.html'), 'documents tagged critical');
	assert.equal(label('pagefind/pagefind-entry.json'), 'search index');
	assert.equal(label('runbooks/index.html'), 'section pages');
	assert.equal(label('runbooks/scaling/index.html'), 'other documents');
	// Among the other documents, runbooks come before procedures and training.
	const within = (p: string) => precacheRank(p, pages).within;
	assert.ok(within('runbooks/scaling/index.html') < within('procedures/escalation/index.html'));
	assert.ok(within('procedures/escalation/index.html') < within('training/intro/index.html'));
});

test('the budget keeps what comes first; the search index is whole or left out; essentials always stay', () => {
	const files = [
		{ sitePath: 'training/intro/index.html', size: 30 },
		{ sitePath: 'pagefind/pagefind-entry.json', size: 10 },
		{ sitePath: 'pagefind/fragment/a.pf_fragment', size: 50 },
		{ sitePath: 'runbooks/rollback/index.html', size: 30 },
		{ sitePath: 'index.html', size: 20 },
		{ sitePath: 'playbooks/breach/index.html', size: 30 },
		{ sitePath: 'runbooks/scaling/index.html', size: 10 },
	];
	const picked = selectPrecache(files, pages, 100);
	assert.deepEqual(
		picked.kept.map((f) => f.sitePath),
		['index.html', 'playbooks/breach/index.html', 'runbooks/rollback/index.html', 'runbooks/scaling/index.html'],
	);
	assert.deepEqual(picked.left.map((f) => f.sitePath).sort(), [
		'pagefind/fragment/a.pf_fragment',
		'pagefind/pagefind-entry.json',
		'training/intro/index.html',
	]);
	assert.deepEqual(
		picked.groups.map((g) => [g.label, g.complete]),
		[
			['site essentials', true],
			['playbooks', true],
			['documents tagged critical', true],
			['search index', false],
			['other documents', false],
		],
	);
	assert.equal(picked.overBudget, false);

	const everything = selectPrecache(files, pages, 1000);
	assert.equal(everything.left.length, 0);
	const tiny = selectPrecache(files, pages, 5);
	assert.deepEqual(
		tiny.kept.map((f) => f.sitePath),
		['index.html'],
	);
	assert.equal(tiny.overBudget, true);
});
