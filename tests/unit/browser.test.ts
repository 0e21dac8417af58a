import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER_ENV, BrowserNotFoundError, resolveBrowser } from '../../src/core/browser.ts';
import { chromium } from 'playwright-core';

const playwrights = chromium.executablePath();

test('an explicit environment variable wins', () => {
	const found = resolveBrowser({ [BROWSER_ENV]: '/opt/my/chrome' }, () => true);
	assert.deepEqual(found, { executablePath: '/opt/my/chrome', source: 'environment' });
});

test('an explicit path that does not exist is an error, not a silent fallback', () => {
	assert.throws(() => resolveBrowser({ [BROWSER_ENV]: '/nope' }, (p) => p !== '/nope'), /at OPSBOOK_CHROMIUM=\/nope/);
});

test("Playwright's own Chromium comes before the system one", () => {
	assert.deepEqual(
		resolveBrowser({}, () => true),
		{ executablePath: playwrights, source: 'playwright' },
	);
});

test('then the system Chromium', () => {
	assert.deepEqual(
		resolveBrowser({}, (p) => p === '/usr/bin/chromium'),
		{ executablePath: '/usr/bin/chromium', source: 'system' },
	);
});

test('none found: the error says how to get one', () => {
	assert.throws(
		() => resolveBrowser({}, () => false),
		(e: unknown) =>
			e instanceof BrowserNotFoundError &&
			/apt-get install -y chromium/.test(e.message) &&
			/npx playwright install chromium/.test(e.message),
	);
});
