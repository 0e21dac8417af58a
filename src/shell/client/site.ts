/**
 * The one script every page loads (src/shell/Base.astro): the behaviour of the page shell's controls. Each
 * feature stays its own module; bundling them as one entry costs one request and one <script> tag per page instead
 * of seven (the tags alone were about 0.8 KB of every page, paid again by each page in the offline precache).
 * Heavier code (search UI, incident-session panel) is still imported lazily by these modules, on first use.
 */
import './theme-toggle.ts';
import '../../search/client/search-hotkeys.ts';
import '../../checklists/client/env-picker.ts';
import '../../checklists/client/session-loader.ts';
import '../../offline/client/offline-status.ts';
import './print-date.ts';
import './copy-code.ts';
