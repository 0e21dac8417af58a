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
