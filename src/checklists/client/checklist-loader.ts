/**
 * Loader of the interactive checklists (Checklists.astro): the only checklist code a page runs up front.
 *
 * The checklist module (checklists.ts and the chunks it adds) loads only when needed. At once when this browser holds
 * ticks for the page's document (stored under `opsbook-checklist:<doc>:<hash>`, local-store.ts), so they show on load
 * with no interaction; while an incident session runs (the reader is ticking, and a tick must not wait on the network
 * to be recorded); with storage blocked (the checklist says at once that ticks will not survive a reload). Otherwise
 * on the first pointerdown, keydown, focusin or change in a checklist or its bar, or when another tab writes one of
 * those keys. Until then the boxes work natively: this loader enables them and notes every box whose `change` it sees,
 * and the module saves what those boxes show instead of painting the stored state over them. A click on Copy or Reset
 * that lands before the module has wired them is replayed once it has.
 *
 * Why: the module is 2.0 KB gzip (plus 0.8 KB of time formatting) and most visits to a runbook only read it. With it up
 * front a checklist page ran 5.64 KB gzip of JavaScript; with this loader (0.65 KB) it runs 3.82 KB, under the 4 KB
 * budget (src/bench/output-size.ts pageWeight, runbooks/rollback, #20/#21).
 */
import { keysWithPrefix, persistent } from './local-store.ts';

const PREFIX = 'opsbook-checklist:';
const docs = [...document.querySelectorAll<HTMLElement>('[data-checklist-doc]')].map(
	(root) => `${PREFIX}${root.dataset.checklistDoc}:`,
);
const wanted = [...docs, 'opsbook-session:current'];
const ours = (key: string | null) => key === null || wanted.some((prefix) => key.startsWith(prefix));

if (docs.length) {
	// The bars are in the HTML, inert (rehype-task-lists.ts): shown now, at their final size, so nothing moves when the
	// module arrives under the reader's pointer.
	for (const bar of document.querySelectorAll<HTMLTemplateElement>('template[data-checklist-bar]'))
		bar.replaceWith(bar.content);
	for (const box of document.querySelectorAll<HTMLInputElement>('[data-checklist] input')) box.disabled = false;

	const early = new AbortController();
	const changed = new Set<EventTarget>();
	let click: HTMLElement | null = null;
	let loading: Promise<void> | undefined;
	const load = () =>
		(loading ??= import('./checklists.ts').then(
			(checklists) => {
				early.abort();
				checklists.start(changed);
				click?.click();
			},
			() => {
				// Network gone before the module came (and no offline copy yet): the next interaction tries again.
				loading = undefined;
			},
		));
	for (const type of ['pointerdown', 'keydown', 'focusin', 'change', 'click'])
		document.addEventListener(
			type,
			(event) => {
				const target = event.target as Element;
				if (!target.closest?.('[data-checklist],.checklist-bar')) return;
				if (type === 'change') changed.add(target);
				if (type === 'click') click = target.closest('.checklist-bar button') ?? click;
				void load();
			},
			{ capture: true, signal: early.signal },
		);
	window.addEventListener('storage', (event) => ours(event.key) && void load(), { signal: early.signal });
	if (!persistent || wanted.some((prefix) => keysWithPrefix(prefix).length)) void load();
}
