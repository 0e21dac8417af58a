/**
 * The header's incident session control. A session (incident ID or name, start time) records every checklist tick
 * made while it runs, on any page, in this browser's localStorage:
 *   opsbook-session:current -> the running session;  opsbook-session:history -> ended sessions, newest first.
 * Exports: one Markdown timeline per session, and rehearsal / post-deployment verification records as YAML in the
 * records collection's format. Nothing is fetched: exports are built from what the session stored, so it all works
 * offline and from file://. The panel's markup lives here (once, cached) rather than in every page's HTML.
 */
import { CHECKLIST_EVENT, type ChecklistChange } from './checklist-events.ts';
import { itemText, pageChecklists } from './checklist-dom.ts';
import { readJson, remove, writeJson } from './local-store.ts';
import { endSession, newSession, recordChange, rememberChecklists, type Session } from './session-model.ts';
import { phasedDocuments, rehearsalRecord, timelineMarkdown, verificationRecord } from './session-export.ts';
import { localInputValue, shortLocal, utcStamp } from './time-format.ts';
import { REHEARSAL_RESULTS, type RehearsalResult } from '../../records/records-shape.ts';
import { COPY_SELECTED_TEXT, copyText, selectForCopy } from '../../core/client/clipboard.ts';

const CURRENT = 'opsbook-session:current';
const HISTORY = 'opsbook-session:history';

interface EnvironmentOption {
	key: string;
	name: string;
	production: boolean;
}

const PANEL = `
<button type="button" class="session-close" data-action="close">Close</button>
<section class="session-view" data-view="idle">
	<h2 class="session-heading">Start an incident session</h2>
	<p class="small muted">While it runs, every checklist tick on every page is recorded under it (in this browser), for one timeline.</p>
	<form data-form="start" class="session-form">
		<label>Incident ID or name <input name="name" required autocomplete="off" placeholder="INC-1234 database failover"></label>
		<label>Start time <input name="start" type="datetime-local" required></label>
		<button type="submit">Start session</button>
	</form>
</section>
<section class="session-view" data-view="active">
	<h2 class="session-heading">Recording: <span data-field="name"></span></h2>
	<p class="small" data-field="status"></p>
	<div class="session-actions"><button type="button" data-action="end">End session</button></div>
</section>
<section class="session-view" data-view="exports">
	<h3 class="session-heading">Export</h3>
	<label>Session <select name="session" data-field="session"></select></label>
	<div class="session-actions"><button type="button" data-action="timeline">Export timeline</button></div>
	<details class="session-record">
		<summary>Rehearsal record (YAML)</summary>
		<form data-form="rehearsal" class="session-form">
			<label>Checklist <select name="checklist" data-field="phased"></select></label>
			<label>Environment <select name="environment" data-field="environments"></select></label>
			<label>Version <input name="version" required autocomplete="off" placeholder="v1.4.0"></label>
			<label>Result <select name="result">${REHEARSAL_RESULTS.map((r) => `<option>${r}</option>`).join('')}</select></label>
			<label>Issues found (one per line) <textarea name="issuesFound" rows="2"></textarea></label>
			<label>Lessons learned (one per line) <textarea name="lessonsLearned" rows="2"></textarea></label>
			<label class="session-check"><input type="checkbox" name="rollbackPractised"> Rollback practised</label>
			<label class="session-check"><input type="checkbox" name="alertsVerified"> Alerts verified</label>
			<button type="submit">Export rehearsal record</button>
		</form>
	</details>
	<details class="session-record">
		<summary>Verification record (YAML)</summary>
		<form data-form="verification" class="session-form">
			<label>Checklist <select name="checklist" data-field="documents"></select></label>
			<label>Environment <select name="environment" data-field="environments"></select></label>
			<label>Version <input name="version" required autocomplete="off" placeholder="v1.4.0"></label>
			<label>Baseline metrics (name: value, one per line) <textarea name="baselineMetrics" rows="3" placeholder="p95LatencyMs: 180"></textarea></label>
			<button type="submit">Export verification record</button>
		</form>
	</details>
	<div class="session-output" data-output hidden>
		<label>Exported <span data-field="output-kind"></span> <textarea readonly rows="10" data-field="output" spellcheck="false"></textarea></label>
		<div class="session-actions">
			<button type="button" data-action="copy">Copy</button>
			<button type="button" data-action="download">Download</button>
		</div>
		<p class="small" aria-live="polite" data-field="output-status"></p>
	</div>
</section>
<section class="session-view" data-view="history">
	<h3 class="session-heading">History</h3>
	<ul class="session-history" data-field="history"></ul>
	<div class="session-actions"><button type="button" data-action="clear">Clear history</button></div>
</section>`;

const control = document.querySelector<HTMLElement>('[data-session-control]');
if (control) init(control);

function current(): Session | null {
	return readJson<Session | null>(CURRENT, null);
}

function history(): Session[] {
	const list = readJson<Session[]>(HISTORY, []);
	return Array.isArray(list) ? list : [];
}

/** The checklists on this page, as the session remembers them (to list checks nobody ticked). */
function seenHere() {
	return pageChecklists().map((c) => ({
		hash: c.hash,
		doc: c.doc,
		docTitle: c.docTitle,
		docPhases: c.docPhases,
		title: c.title,
		...(c.phase ? { phase: c.phase } : {}),
		items: c.items.map((i) => ({ key: i.key, text: itemText(i) })),
	}));
}

/**
 * The environments are those of the header's picker (src/checklists/EnvPicker.astro), which every page has: read
 * from its options rather than repeated in this control's markup on every page.
 */
function environmentOptions(): { environments: EnvironmentOption[]; defaultKey: string | undefined } {
	const picker = document.querySelector<HTMLElement>('[data-env-picker]');
	const options = [...(picker?.querySelectorAll<HTMLOptionElement>('option') ?? [])];
	return {
		environments: options.map((o) => ({ key: o.value, name: o.text, production: 'production' in o.dataset })),
		defaultKey: picker?.dataset.default,
	};
}

function init(root: HTMLElement): void {
	const details = root.querySelector('details')!;
	const panel = root.querySelector<HTMLElement>('[data-session-panel]')!;
	const label = root.querySelector<HTMLElement>('[data-session-label]')!;
	const { environments, defaultKey } = environmentOptions();
	const chosenEnvironment = () =>
		document.documentElement.dataset.environment ?? defaultKey ?? environments[0]?.key ?? '';
	let output = { text: '', fileName: '', type: 'text/markdown' };
	let built = false;

	const running = current();
	if (running) writeJson(CURRENT, rememberChecklists(running, seenHere()));

	const q = <T extends Element>(selector: string) => panel.querySelector<T>(selector)!;
	const field = <T extends Element>(name: string) => q<T>(`[data-field="${name}"]`);
	const envName = (key: string) => environments.find((e) => e.key === key)?.name ?? key;

	function sessions(): Session[] {
		const s = current();
		return s ? [s, ...history()] : history();
	}

	function selected(): Session | undefined {
		const id = field<HTMLSelectElement>('session').value;
		return sessions().find((s) => s.id === id) ?? sessions()[0];
	}

	function fillSelect(select: HTMLSelectElement, options: Array<[string, string]>, preferred?: string): void {
		const keep = select.value;
		select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
		const want = options.some(([v]) => v === keep) && select.dataset.touched ? keep : preferred;
		if (want !== undefined && options.some(([v]) => v === want)) select.value = want;
	}

	function updateLabel(): void {
		const s = current();
		root.classList.toggle('is-recording', Boolean(s));
		label.textContent = s ? `Recording: ${s.name}` : 'Incident session';
	}

	function render(): void {
		updateLabel();
		if (!built) return;
		const s = current();
		const all = sessions();
		panel.querySelector<HTMLElement>('[data-view="idle"]')!.hidden = Boolean(s);
		panel.querySelector<HTMLElement>('[data-view="active"]')!.hidden = !s;
		panel.querySelector<HTMLElement>('[data-view="exports"]')!.hidden = all.length === 0;
		panel.querySelector<HTMLElement>('[data-view="history"]')!.hidden = history().length === 0;
		if (s) {
			field('name').textContent = s.name;
			const ticks = s.events.filter((e) => e.action === 'tick').length;
			field('status').textContent =
				`Since ${shortLocal(s.startedAt)} (${utcStamp(s.startedAt)}) · ${ticks} tick${ticks === 1 ? '' : 's'} in ${Object.keys(s.docs).length} document${Object.keys(s.docs).length === 1 ? '' : 's'} · ${envName(s.environment)}`;
		} else {
			const start = q<HTMLInputElement>('[name="start"]');
			if (!start.dataset.touched) start.value = localInputValue(new Date());
		}
		fillSelect(
			field('session'),
			all.map((x) => [x.id, `${x.name}${x.endedAt ? ` (ended ${shortLocal(x.endedAt)})` : ' (running)'}`]),
			all[0]?.id,
		);
		const chosen = selected();
		if (chosen) {
			const titled = (ids: string[]) => ids.map((id): [string, string] => [id, chosen.docs[id]?.title ?? id]);
			fillSelect(q('[data-form="rehearsal"] [data-field="phased"]'), titled(phasedDocuments(chosen)));
			const docs = Object.keys(chosen.docs);
			fillSelect(
				q('[data-form="verification"] [data-field="documents"]'),
				titled(docs),
				docs.find((d) => d.includes('verification')) ?? docs[0],
			);
			for (const select of panel.querySelectorAll<HTMLSelectElement>('[data-field="environments"]')) {
				const verification = select.closest('[data-form="verification"]');
				const fallback = verification
					? (environments.find((e) => e.production)?.key ?? chosen.environment)
					: chosen.environment;
				fillSelect(
					select,
					environments.map((e) => [e.key, e.name]),
					fallback,
				);
			}
		}
		const list = field<HTMLUListElement>('history');
		list.replaceChildren(
			...history().map((h) => {
				const li = document.createElement('li');
				li.textContent = `${h.name}: ${utcStamp(h.startedAt)} to ${h.endedAt ? utcStamp(h.endedAt) : '?'}, ${h.events.length} event${h.events.length === 1 ? '' : 's'}`;
				return li;
			}),
		);
	}

	function show(kind: string, text: string, fileName: string, type: string): void {
		output = { text, fileName, type };
		q<HTMLElement>('[data-output]').hidden = false;
		field('output-kind').textContent = kind;
		field<HTMLTextAreaElement>('output').value = text;
		field('output-status').textContent = `${kind} ready: copy it or download ${fileName}.`;
	}

	function build(): void {
		panel.innerHTML = PANEL;
		built = true;
		// A select the person changed keeps its value across re-renders; untouched ones follow the session.
		panel.addEventListener('change', (event) => {
			const target = event.target as HTMLElement;
			if (target.matches('select, input[name="start"]')) target.dataset.touched = '1';
			if (target.matches('[data-field="session"]')) {
				for (const s of panel.querySelectorAll<HTMLElement>('select:not([data-field="session"])'))
					delete s.dataset.touched;
				render();
			}
		});
		panel.addEventListener('submit', (event) => {
			event.preventDefault();
			const form = event.target as HTMLFormElement;
			const data = new FormData(form);
			const text = (name: string) => String(data.get(name) ?? '');
			const lines = (name: string) => text(name).split('\n');
			if (form.dataset.form === 'start') {
				const start = new Date(text('start'));
				const session = newSession(
					text('name'),
					Number.isNaN(start.getTime()) ? new Date() : start,
					chosenEnvironment(),
				);
				writeJson(CURRENT, rememberChecklists(session, seenHere()));
				form.reset();
				delete q<HTMLInputElement>('[name="start"]').dataset.touched;
				render();
				return;
			}
			const session = selected();
			if (!session) return;
			if (form.dataset.form === 'rehearsal') {
				const result = rehearsalRecord(session, {
					version: text('version'),
					environment: text('environment'),
					result: text('result') as RehearsalResult,
					issuesFound: lines('issuesFound'),
					lessonsLearned: lines('lessonsLearned'),
					rollbackPractised: data.has('rollbackPractised'),
					alertsVerified: data.has('alertsVerified'),
					...(text('checklist') ? { checklist: text('checklist') } : {}),
				});
				show('rehearsal record', result.yaml, result.fileName, 'application/yaml');
			} else if (form.dataset.form === 'verification') {
				const result = verificationRecord(session, {
					version: text('version'),
					environment: text('environment'),
					baselineMetrics: lines('baselineMetrics'),
					...(text('checklist') ? { checklist: text('checklist') } : {}),
				});
				show('verification record', result.yaml, result.fileName, 'application/yaml');
			}
		});
		panel.addEventListener('click', async (event) => {
			const action = (event.target as Element).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
			if (action === 'close') {
				close();
				return;
			} else if (action === 'end') {
				const s = current();
				if (s) {
					writeJson(HISTORY, [endSession(s, new Date()), ...history()]);
					remove(CURRENT);
				}
			} else if (action === 'timeline') {
				const s = selected();
				if (s)
					show(
						'timeline',
						timelineMarkdown(s),
						`timeline-${
							s.name
								.toLowerCase()
								.replace(/[^a-z0-9]+/g, '-')
								.replace(/^-|-$/g, '') || 'session'
						}.md`,
						'text/markdown',
					);
				return;
			} else if (action === 'clear') {
				if (!confirm('Clear the session history in this browser? Export what you need first.')) return;
				remove(HISTORY);
				q<HTMLElement>('[data-output]').hidden = true;
			} else if (action === 'copy') {
				if (await copyText(output.text)) field('output-status').textContent = 'Copied.';
				else {
					// The export is already in the output field: select it there, ready for Ctrl+C.
					selectForCopy(field<HTMLTextAreaElement>('output'));
					field('output-status').textContent = COPY_SELECTED_TEXT;
				}
				return;
			} else if (action === 'download') {
				const url = URL.createObjectURL(new Blob([output.text], { type: output.type }));
				const a = document.createElement('a');
				a.href = url;
				a.download = output.fileName;
				a.click();
				setTimeout(() => URL.revokeObjectURL(url), 1000);
				return;
			} else return;
			render();
		});
	}

	function close(): void {
		details.open = false;
		details.querySelector('summary')?.focus();
	}

	/** Keep the panel inside the viewport wherever the header's wrapping put the control. */
	function place(): void {
		panel.style.left = '';
		panel.style.right = '';
		const control = root.getBoundingClientRect();
		const width = panel.getBoundingClientRect().width;
		const left = Math.max(8, Math.min(control.right - width, document.documentElement.clientWidth - width - 8));
		panel.style.left = `${left - control.left}px`;
		panel.style.right = 'auto';
	}

	details.addEventListener('toggle', () => {
		if (!details.open) return;
		if (!built) build();
		render();
		place();
	});
	document.addEventListener('click', (event) => {
		if (details.open && !root.contains(event.target as Node)) details.open = false;
	});
	document.addEventListener(CHECKLIST_EVENT, (event) => {
		const s = current();
		if (!s) return;
		const change = (event as CustomEvent<ChecklistChange>).detail;
		// The session may have started in another tab after this page loaded: remember this page's checklists too.
		const known = s.checklists[change.checklist] ? s : rememberChecklists(s, seenHere());
		writeJson(CURRENT, recordChange(known, change));
		render();
	});
	// Another tab started, ended or recorded into the session.
	window.addEventListener('storage', (event) => {
		if (event.key === null || event.key.startsWith('opsbook-session:')) render();
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && details.open) close();
	});
	updateLabel();
	root.hidden = false;
}
