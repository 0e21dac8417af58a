/**
 * End-to-end tests run against the built site (dist/, from `npm run build`) served by a plain static server, in the
 * Chromium chosen by src/core/browser.ts, the same module the build uses.
 */
import { siteOutDir } from '../support/site.ts';
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../src/core/browser.ts';

// The site under test is the build output (OPSBOOK_OUT_DIR, default dist/), served on OPSBOOK_TEST_PORT.
const PORT = Number(process.env.OPSBOOK_TEST_PORT ?? 4391);

export default defineConfig({
	testDir: '..',
	testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
	// One results folder per port, so parallel runs (different ports) never delete each other's traces.
	outputDir: `../../test-results/${PORT}`,
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		launchOptions: launchOptions(),
		trace: 'retain-on-failure',
		actionTimeout: 10_000,
	},
	webServer: {
		command: `node tests/support/static-server.ts ${JSON.stringify(siteOutDir)} ${PORT}`,
		cwd: '../..',
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 15_000,
	},
});
