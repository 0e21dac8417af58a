/** Incident session exports: the Markdown timeline and the rehearsal / verification records (YAML). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
	newSession,
	recordChange,
	rememberChecklists,
	endSession,
	type Session,
} from '../../src/checklists/client/session-model.ts';
import {
	rehearsalRecord,
	timelineMarkdown,
	toYaml,
	verificationRecord,
} from '../../src/checklists/client/session-export.ts';
import { REHEARSAL_FIELDS, VERIFICATION_FIELDS } from '../../src/records/records-shape.ts';
import type { ChecklistChange } from '../../src/checklists/client/checklist-events.ts';

const PHASES = [
	{ id: 'pre-checks', title: 'Pre-deployment verification', minutes: 15 },
	{ id: 'canary', title: 'Canary and bake', minutes: 20 },
	{ id: 'rollout', title: 'Full rollout', minutes: 10 },
];

function tick(
	session: Session,
	at: string,
	doc: string,
	docTitle: string,
	checklist: string,
	item: string,
	text: string,
	phase?: string,
	action: ChecklistChange['action'] = 'tick',
): Session {
	return recordChange(session, {
		action,
		at,
		doc,
		docTitle,
		checklist,
		title: '',
		item,
		text,
		...(phase ? { phase } : {}),
	});
}

function rehearsal(): Session {
	let s = newSession(' INC-7 rehearsal ', new Date('2026-11-26T10:00:00Z'), 'staging', 'id-1');
	s = rememberChecklists(s, [
		{
			hash: 'h1',
			doc: 'procedures/deployment-checklist',
			docTitle: 'Deployment checklist',
			docPhases: PHASES,
			title: 'Pre',
			phase: 'pre-checks',
			items: [
				{ key: 'a', text: 'Pods healthy' },
				{ key: 'b', text: 'Backups verified' },
			],
		},
		{
			hash: 'h2',
			doc: 'procedures/deployment-checklist',
			docTitle: 'Deployment checklist',
			docPhases: PHASES,
			title: 'Canary',
			phase: 'canary',
			items: [{ key: 'c', text: 'Canary deployed' }],
		},
	]);
	s = tick(
		s,
		'2026-11-26T10:05:00.123Z',
		'procedures/deployment-checklist',
		'Deployment checklist',
		'h1',
		'a',
		'Pods healthy',
		'pre-checks',
	);
	s = tick(s, '2026-11-26T10:02:00.000Z', 'runbooks/deploy', 'Deploy | runbook', 'h9', 'z', 'Release notes read');
	s = tick(
		s,
		'2026-11-26T10:17:30.000Z',
		'procedures/deployment-checklist',
		'Deployment checklist',
		'h1',
		'b',
		'Backups verified',
		'pre-checks',
	);
	s = tick(
		s,
		'2026-11-26T10:20:00.000Z',
		'procedures/deployment-checklist',
		'Deployment checklist',
		'h2',
		'c',
		'Canary deployed',
		'canary',
	);
	return s;
}

test('the timeline lists every change of the session in UTC order, with document titles', () => {
	const md = timelineMarkdown(endSession(rehearsal(), new Date('2026-11-26T11:00:00Z')));
	assert.match(md, /^## Incident timeline: INC-7 rehearsal$/m);
	const rows = md.split('\n').filter((l) => l.startsWith('| 2026'));
	assert.deepEqual(rows, [
		'| 2026-11-26 10:00:00 UTC | | Session started |',
		'| 2026-11-26 10:02:00 UTC | Deploy \\| runbook | [x] Release notes read |',
		'| 2026-11-26 10:05:00 UTC | Deployment checklist | [x] Pods healthy |',
		'| 2026-11-26 10:17:30 UTC | Deployment checklist | [x] Backups verified |',
		'| 2026-11-26 10:20:00 UTC | Deployment checklist | [x] Canary deployed |',
		'| 2026-11-26 11:00:00 UTC | | Session ended |',
	]);
});

test('a rehearsal record times each phase from its first to its last tick, in schema field order', () => {
	const out = rehearsalRecord(rehearsal(), {
		version: 'v1.4.0',
		environment: 'staging',
		result: 'success',
		issuesFound: ['Slow canary dashboard', ' '],
		lessonsLearned: [],
		rollbackPractised: true,
		alertsVerified: false,
	});
	const parsed = parse(out.yaml) as Record<string, unknown>;
	assert.deepEqual(Object.keys(parsed), [...REHEARSAL_FIELDS]);
	assert.deepEqual(parsed, {
		date: '2026-11-26',
		environment: 'staging',
		version: 'v1.4.0',
		checklist: 'procedures/deployment-checklist',
		phases: [
			{ id: 'pre-checks', start: '2026-11-26T10:05:00Z', end: '2026-11-26T10:17:30Z' },
			{ id: 'canary', start: '2026-11-26T10:20:00Z', end: '2026-11-26T10:20:00Z' },
		],
		result: 'success',
		issuesFound: ['Slow canary dashboard'],
		lessonsLearned: [],
		rollbackPractised: true,
		alertsVerified: false,
	});
	assert.deepEqual(out.notes, ['phase "rollout" has no ticks in this session, so it has no times']);
	assert.equal(out.fileName, '2026-11-26-staging-v1.4.0.yaml');
	assert.match(out.yaml, /^# Rehearsal record exported by Opsbook/);
});

test('a verification record lists every check of the checklist: ticked ones pass, the rest are not-run', () => {
	let s = newSession('Verify', new Date('2026-11-26T12:00:00Z'), 'production', 'id-2');
	s = rememberChecklists(s, [
		{
			hash: 'v1',
			doc: 'procedures/post-deployment-verification',
			docTitle: 'Post-deployment verification',
			docPhases: [],
			title: 'Checks',
			items: [
				{ key: 'a', text: 'Health 200' },
				{ key: 'b', text: 'p95 below 500 ms' },
				{ key: 'c', text: 'No alerts' },
			],
		},
	]);
	s = tick(
		s,
		'2026-11-26T12:01:00Z',
		'procedures/post-deployment-verification',
		'Post-deployment verification',
		'v1',
		'a',
		'Health 200',
	);
	s = tick(
		s,
		'2026-11-26T12:02:00Z',
		'procedures/post-deployment-verification',
		'Post-deployment verification',
		'v1',
		'c',
		'No alerts',
	);
	s = tick(
		s,
		'2026-11-26T12:03:00Z',
		'procedures/post-deployment-verification',
		'Post-deployment verification',
		'v1',
		'c',
		'No alerts',
		undefined,
		'untick',
	);
	const out = verificationRecord(s, {
		version: 'v1.4.0',
		environment: 'production',
		baselineMetrics: ['p95LatencyMs: 180', 'note: "quiet: night"', 'not a metric'],
	});
	const parsed = parse(out.yaml) as Record<string, unknown>;
	assert.deepEqual(Object.keys(parsed), [...VERIFICATION_FIELDS]);
	assert.deepEqual(parsed.checks, [
		{ check: 'Health 200', result: 'pass', at: '2026-11-26T12:01:00Z' },
		{ check: 'p95 below 500 ms', result: 'not-run' },
		{ check: 'No alerts', result: 'not-run' },
	]);
	assert.deepEqual(parsed.baselineMetrics, { p95LatencyMs: 180, note: '"quiet: night"' });
});

test('the YAML writer quotes strings safely and keeps empty collections explicit', () => {
	const yaml = toYaml(
		{ a: 'x: "y" # z\nnext', b: [], c: {}, d: 3, e: true, 'odd key:': 'v' },
		['a', 'b', 'c', 'd', 'e', 'odd key:'],
		['comment'],
	);
	assert.deepEqual(parse(yaml), { a: 'x: "y" # z\nnext', b: [], c: {}, d: 3, e: true, 'odd key:': 'v' });
	assert.match(yaml, /^# comment\n/);
});
