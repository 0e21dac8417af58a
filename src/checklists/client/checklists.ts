/**
 * Interactive checklists: loaded only on pages whose documents contain task lists, and there only when needed.
 *
 * The HTML ships every box disabled and unticked (no JavaScript, print: empty boxes) and each checklist's bar inert.
 * The loader (checklist-loader.ts, run up front) enables the boxes, shows the bars, and imports this module on the
 * first interaction, or at once when the page has saved ticks or an incident session runs. This module keeps ticks in
 * localStorage, one entry per document and checklist version (content hash from the build):
 *   opsbook-checklist:<doc>:<hash> -> { position, title, updated, items: { <itemKey>: { at, text } } }
 * An entry for the same document and position with another hash is the state of an older version of the checklist:
 * it is never applied; a notice says the checklist changed and offers to reset. Each checklist's bar has a progress
 * line, Reset, and "Copy progress as Markdown" for the post-incident timeline. Changes are announced as events for the
 * incident session (src/checklists/client/checklist-events.ts).
 */
import { CHECKLIST_EVENT, type ChecklistChange } from './checklist-events.ts';
import { itemText, pageChecklists, type ChecklistItem, type PageChecklist } from './checklist-dom.ts';
import { keysWithPrefix, persistent, readJson, remove, writeJson } from './local-store.ts';
import { localStamp, shortLocal, utcStamp } from './time-format.ts';
import { COPY_SELECTED_TEXT, copyText, selectForCopy } from '../../core/client/clipboard.ts';

const PREFIX = 'opsbook-checklist:';

interface StoredChecklist {
	position: number;
	title: string;
	updated: string;
	items: Record<string, { at: string; text: string }>;
}

interface Ui {
	progress: HTMLElement;
	feedback: HTMLElement;
	notice: HTMLElement;
	noticeText: HTMLElement;
}

const storageKey = (doc: string, hash: string) => `${PREFIX}${doc}:${hash}`;

function load(list: PageChecklist): StoredChecklist {
	return readJson<StoredChecklist>(storageKey(list.doc, list.hash), {
		position: list.position,
		title: list.title,
		updated: '',
		items: {},
	});
}

/** Stored versions of this checklist's slot (same document and position) that no checklist on the page claims. */
function staleVersions(list: PageChecklist, all: PageChecklist[]): Array<{ key: string; state: StoredChecklist }> {
	const claimed = new Set(all.filter((l) => l.doc === list.doc).map((l) => storageKey(l.doc, l.hash)));
	return keysWithPrefix(`${PREFIX}${list.doc}:`)
		.filter((key) => !claimed.has(key) && key.slice(PREFIX.length + list.doc.length + 1).indexOf(':') === -1)
		.map((key) => ({ key, state: readJson<StoredChecklist | null>(key, null) }))
		.filter(
			(v): v is { key: string; state: StoredChecklist } =>
				v.state !== null && v.state.position === list.position && Object.keys(v.state.items ?? {}).length > 0,
		);
}

function announce(
	list: PageChecklist,
	change: Omit<ChecklistChange, 'doc' | 'docTitle' | 'checklist' | 'title' | 'phase'>,
): void {
	const detail: ChecklistChange = {
		...change,
		doc: list.doc,
		docTitle: list.docTitle,
		checklist: list.hash,
		title: list.title,
		...(list.phase ? { phase: list.phase } : {}),
	};
	document.dispatchEvent(new CustomEvent(CHECKLIST_EVENT, { detail }));
}

function button(label: string, accessibleName: string, onClick: () => void): HTMLButtonElement {
	const b = document.createElement('button');
	b.type = 'button';
	b.textContent = label;
	b.setAttribute('aria-label', accessibleName);
	b.addEventListener('click', onClick);
	return b;
}

function setup(list: PageChecklist, all: PageChecklist[], changed: ReadonlySet<EventTarget>): void {
	// The bar is in the HTML (rehype-task-lists.ts), put in place by the loader: only its buttons need wiring here.
	const bar = list.root.previousElementSibling as HTMLElement;
	const action = (name: string) => bar.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`)!;
	const name = list.title ? `“${list.title}”` : 'this checklist';
	action('copy').addEventListener('click', () => void copy(list, ui));
	action('reset').addEventListener('click', () => {
		const ticked = Object.keys(load(list).items).length;
		if (ticked && !confirm(`Reset ${name}? This clears ${ticked} tick${ticked === 1 ? '' : 's'} and their times.`))
			return;
		reset(list, all, ui);
	});
	if (!persistent) {
		const note = document.createElement('p');
		note.className = 'checklist-note';
		note.textContent = 'This browser blocks storage here: ticks last only until you leave the page.';
		bar.append(note);
	}

	const notice = document.createElement('div');
	notice.className = 'checklist-notice';
	notice.setAttribute('role', 'status');
	notice.hidden = true;
	const noticeText = document.createElement('p');
	notice.append(
		noticeText,
		button('Reset', `Reset ${name} and discard the ticks of its old version`, () => reset(list, all, ui)),
	);
	bar.before(notice);
	const ui: Ui = {
		progress: bar.querySelector('.checklist-progress')!,
		feedback: bar.querySelector('.checklist-feedback')!,
		notice,
		noticeText,
	};

	const save = (item: ChecklistItem, checked: boolean) => {
		const state = load(list);
		const at = new Date().toISOString();
		const text = itemText(item);
		if (checked) state.items[item.key] = { at, text };
		else delete state.items[item.key];
		state.position = list.position;
		state.updated = at;
		writeJson(storageKey(list.doc, list.hash), state);
		render(list, all, ui);
		announce(list, { action: checked ? 'tick' : 'untick', at, item: item.key, text });
	};
	// Boxes toggled before this module arrived (the click or key that loaded it): they show what the reader chose, so
	// that is saved rather than painted over with the stored state. Read them all first: each save re-renders the list.
	// Only boxes the loader saw change count: a box the browser restored from its form cache is not a choice.
	const stored = load(list).items;
	const chosen = list.items
		.filter((item) => changed.has(item.input) && item.input.checked !== Boolean(stored[item.key]))
		.map((item) => [item, item.input.checked] as const);
	for (const item of list.items) {
		item.input.disabled = false;
		item.input.addEventListener('change', () => save(item, item.input.checked));
	}
	for (const [item, checked] of chosen) save(item, checked);
	render(list, all, ui);
	window.addEventListener('storage', (event) => {
		// Another tab ticked something in this document: show the same state here.
		if (event.key === null || event.key.startsWith(`${PREFIX}${list.doc}:`)) render(list, all, ui);
	});
}

function render(list: PageChecklist, all: PageChecklist[], ui: Ui): void {
	const { items } = load(list);
	let done = 0;
	for (const item of list.items) {
		const tick = items[item.key];
		item.input.checked = Boolean(tick);
		let time = item.li.querySelector<HTMLTimeElement>(':scope > time.checklist-time, :scope > p > time.checklist-time');
		if (tick) {
			done++;
			if (!time) {
				time = document.createElement('time');
				time.className = 'checklist-time';
				(item.label ?? item.input).after(time);
			}
			time.dateTime = tick.at;
			time.textContent = `ticked ${shortLocal(tick.at)}`;
			time.title = `${localStamp(tick.at)} · ${utcStamp(tick.at)}`;
		} else time?.remove();
	}
	ui.progress.textContent = `${done} of ${list.items.length} done`;
	list.root.classList.toggle('checklist-complete', done === list.items.length && done > 0);

	const stale = staleVersions(list, all);
	ui.notice.hidden = stale.length === 0;
	if (stale.length) {
		const latest =
			stale
				.map((s) => s.state.updated)
				.sort()
				.at(-1) ?? '';
		const count = Object.keys(stale.at(-1)!.state.items).length;
		ui.noticeText.innerHTML = '';
		const strong = document.createElement('strong');
		strong.textContent = 'This checklist changed since you last used it.';
		ui.noticeText.append(
			strong,
			` Your earlier ticks (${count}${latest ? `, last ${shortLocal(latest)}` : ''}) belong to the old version and are not applied here.`,
		);
	}
}

function reset(list: PageChecklist, all: PageChecklist[], ui: Ui): void {
	for (const { key } of staleVersions(list, all)) remove(key);
	remove(storageKey(list.doc, list.hash));
	render(list, all, ui);
	announce(list, { action: 'reset', at: new Date().toISOString() });
	ui.feedback.textContent = 'Checklist reset.';
}

/** Markdown for the post-incident review: every item with [x]/[ ], ticked ones with local and UTC time. */
export function progressMarkdown(list: PageChecklist, state: StoredChecklist, now = new Date()): string {
	const done = list.items.filter((i) => state.items[i.key]).length;
	const heading = list.title ? `${list.docTitle}: ${list.title}` : list.docTitle;
	const lines = [
		`### ${heading}`,
		'',
		`${done} of ${list.items.length} done (copied ${utcStamp(now.toISOString())})`,
		'',
	];
	for (const item of list.items) {
		const tick = state.items[item.key];
		const indent = '  '.repeat(item.depth);
		const when = tick ? ` (ticked ${localStamp(tick.at)}; ${utcStamp(tick.at)})` : '';
		lines.push(`${indent}- [${tick ? 'x' : ' '}] ${itemText(item)}${when}`);
	}
	return `${lines.join('\n')}\n`;
}

async function copy(list: PageChecklist, ui: Ui): Promise<void> {
	const markdown = progressMarkdown(list, load(list));
	if (await copyText(markdown)) {
		ui.feedback.textContent = 'Progress copied as Markdown.';
		return;
	}
	// No clipboard access: the text goes in a field under the checklist, selected, ready for Ctrl+C.
	let area = ui.feedback.parentElement?.querySelector<HTMLTextAreaElement>('textarea.checklist-markdown');
	if (!area) {
		area = document.createElement('textarea');
		area.className = 'checklist-markdown';
		area.readOnly = true;
		area.rows = 6;
		area.setAttribute('aria-label', 'Checklist progress as Markdown');
		ui.feedback.after(area);
	}
	area.value = markdown;
	selectForCopy(area);
	ui.feedback.textContent = COPY_SELECTED_TEXT;
}

/**
 * Wires the page's checklists. Called by the loader (checklist-loader.ts) with the boxes whose `change` it saw before
 * this module arrived.
 */
export function start(changed: ReadonlySet<EventTarget> = new Set()): void {
	const lists = pageChecklists();
	for (const list of lists) setup(list, lists, changed);
}
