/**
 * End-to-end tests run against the built site (dist/, from `npm run build`) served by a plain static server, in the
 * Chromium chosen by src/utils/browser.ts, the same module the build uses.
 */
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../src/utils/browser.ts';

const PORT = 4391;

export default defineConfig({
	testDir: '..',
	testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
	outputDir: '../../test-results',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		launchOptions: launchOptions(),
		trace: 'retain-on-failure',
		actionTimeout: 10_000,
	},
	webServer: {
		command: `node tests/support/static-server.ts dist ${PORT}`,
		cwd: '../..',
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 15_000,
	},
});
