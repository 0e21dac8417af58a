/**
 * The one place that decides which Chromium runs: build-time diagram rendering, PDF output and the end-to-end tests
 * all launch through here, so they can never disagree about the browser.
 *
 * Order: $OPSBOOK_CHROMIUM (an explicit executable), Playwright's own downloaded Chromium, then a system
 * Chromium/Chrome. Playwright's download is often impossible (closed networks), hence the fallbacks.
 */
import { envOverrides } from './env.ts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, LaunchOptions } from 'playwright-core';

export const BROWSER_ENV = 'OPSBOOK_CHROMIUM';

const SYSTEM_CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/snap/bin/chromium',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/opt/google/chrome/chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface ResolvedBrowser {
	executablePath: string;
	source: 'environment' | 'playwright' | 'system';
}

export class BrowserNotFoundError extends Error {
	constructor(detail: string) {
		super(
			`No Chromium found${detail}. Opsbook needs one to render diagrams, print cards and run tests. Either:\n` +
				`  - set ${BROWSER_ENV}=/path/to/chromium (any Chromium or Chrome executable), or\n` +
				`  - install Playwright's: npx playwright install chromium, or\n` +
				`  - install the system one: apt-get install -y chromium (Debian/Ubuntu), brew install --cask chromium (macOS).`,
		);
		this.name = 'BrowserNotFoundError';
	}
}

export function resolveBrowser(
	env: NodeJS.ProcessEnv = process.env,
	exists: (p: string) => boolean = isExecutable,
): ResolvedBrowser {
	const explicit = envOverrides(env).chromium;
	if (explicit) {
		if (!exists(explicit)) throw new BrowserNotFoundError(` at ${BROWSER_ENV}=${explicit} (no executable there)`);
		return { executablePath: explicit, source: 'environment' };
	}
	const bundled = playwrightChromium();
	if (bundled && exists(bundled)) return { executablePath: bundled, source: 'playwright' };
	const system = SYSTEM_CANDIDATES.find(exists);
	if (system) return { executablePath: system, source: 'system' };
	throw new BrowserNotFoundError('');
}

/** Launch options for Playwright: the resolved executable plus flags for closed networks and root users. */
export function launchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
	const { executablePath } = resolveBrowser(env);
	return {
		executablePath,
		args: [
			// The sandbox cannot start as root (CI containers); other users keep it.
			...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
			// Without these Chromium keeps calling home, which fails slowly on machines with no internet.
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	};
}

export function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
	return chromium().launch(launchOptions(env));
}

/**
 * Playwright, loaded when a browser is first needed: 0.4 s of every build's start (and of every CLI command's, as the
 * CLI loads astro.config) for builds whose diagrams and cards all come from their caches and need none.
 */
function chromium(): typeof import('playwright-core').chromium {
	return (createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core')).chromium;
}

function playwrightChromium(): string | undefined {
	try {
		return chromium().executablePath();
	} catch {
		return undefined;
	}
}

function isExecutable(p: string): boolean {
	try {
		fs.accessSync(p, fs.constants.X_OK);
		return fs.statSync(p).isFile();
	} catch {
		return false;
	}
}
