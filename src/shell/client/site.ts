/**
 * The one script every page loads (src/shell/Base.astro): the behaviour of the page shell's controls. Each
 * feature stays its own module; bundling them as one entry costs one request and one <script> tag per page instead
 * of seven (the tags alone were about 0.8 KB of every page, paid again by each page in the offline precache).
 * Heavier code (search UI, incident-session panel) is still imported lazily by these modules, on first use.
 *
 * What is not needed to read the page loads after the `load` event, in its own chunk: the offline status (it
 * registers the service worker, which browsers advise doing after load anyway), and the contents highlight. That keeps
 * what a page runs up front under 4 KB gzip (src/bench/output-size.ts pageWeight, a runbook without checklists):
 * 3.96 KB with everything up front before #20; 3.41 KB after it, with the header menu and the environment from the
 * link added, and the offline status (1.19 KB) and the highlight (0.48 KB) loaded after `load`.
 */
import './theme-toggle.ts';
import './header.ts';
import '../../search/client/search-hotkeys.ts';
import '../../checklists/client/env-picker.ts';
import '../../checklists/client/session-loader.ts';
import './print-date.ts';
import './copy-code.ts';

function late(): void {
	void import('../../offline/client/offline-status.ts');
	if (document.querySelector('.toc a')) void import('./toc-spy.ts');
}

if (document.readyState === 'complete') late();
else window.addEventListener('load', late, { once: true });
