import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NAV_WINDOW, navWindow, neighbours } from '../../src/core/nav.ts';

const section = Array.from({ length: 1000 }, (_, i) => ({ id: `runbooks/r${i}` }));

test('a small section is listed whole', () => {
	assert.deepEqual(navWindow(section.slice(0, 5), 'runbooks/r2'), { items: section.slice(0, 5), truncated: false });
});

test('a large section shows a bounded window containing the current page', () => {
	for (const at of [0, 1, 500, 998, 999]) {
		const { items, truncated } = navWindow(section, `runbooks/r${at}`);
		assert.equal(items.length, NAV_WINDOW);
		assert.ok(truncated);
		assert.ok(items.some((d) => d.id === `runbooks/r${at}`));
	}
});

test('neighbours are the previous and next in order', () => {
	assert.deepEqual(neighbours(section, 'runbooks/r1'), { prev: section[0], next: section[2] });
	assert.deepEqual(neighbours(section, 'runbooks/r0'), { prev: undefined, next: section[1] });
});

test('folders are sections, nested folders nested entries, index pages name and order their folder', async () => {
	const { sectionTrees } = await import('../../src/core/nav.ts');
	const doc = (id: string, title: string, order = 100, index = false, path = `${id}.md`) => ({
		id,
		title,
		order,
		kind: 'page',
		folder: index ? id : id.split('/').slice(0, -1).join('/'),
		path,
		index,
	});
	const trees = sectionTrees(
		[
			doc('runbooks', 'Runbooks', 1, true, 'runbooks/_index.md'),
			doc('runbooks/etcd', 'etcd', 20, true, 'runbooks/etcd/_index.md'),
			doc('runbooks/etcd/etcdnoleader', 'etcd No Leader', 20, false, 'runbooks/etcd/etcdNoLeader.md'),
			doc(
				'runbooks/kubernetes/kubepodcrashlooping',
				'Kube Pod Crash Looping',
				20,
				false,
				'runbooks/kubernetes/KubePodCrashLooping.md',
			),
			doc('runbooks/kubernetes', 'Kubernetes', 10, true, 'runbooks/kubernetes/_index.md'),
			doc('readme', 'Read me', 100, false, 'README.md'),
		],
		{ sectionOrder: [] },
	);
	assert.deepEqual(
		trees.map((t) => `${t.id}:${t.label}:${t.index?.id ?? '-'}`),
		['runbooks:Runbooks:runbooks', ':Other pages:-'],
	);
	assert.deepEqual(
		trees[0]!.entries.map((e) => `${'  '.repeat(e.depth)}${e.title}${e.link ? '' : ' (no page)'}`),
		['Kubernetes', '  Kube Pod Crash Looping', 'etcd', '  etcd No Leader'],
	);
	assert.deepEqual(
		trees[0]!.docs.map((d) => d.id),
		['runbooks/kubernetes', 'runbooks/kubernetes/kubepodcrashlooping', 'runbooks/etcd', 'runbooks/etcd/etcdnoleader'],
	);
});
