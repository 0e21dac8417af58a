/** `node src/cli/find-browser.ts`: prints the Chromium Opsbook will use, or explains how to get one (exit 1). */
import { BrowserNotFoundError, resolveBrowser } from '../core/browser.ts';

try {
	const found = resolveBrowser();
	console.log(`${found.executablePath} (${found.source})`);
} catch (error) {
	if (!(error instanceof BrowserNotFoundError)) throw error;
	console.error(error.message);
	process.exit(1);
}
