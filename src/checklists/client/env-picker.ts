/**
 * The environment picker: shows every `span[data-env]` (an `{env.*}` fact, in prose, inline code and code blocks)
 * with the chosen environment's value, so commands show and copy that environment's values. Choosing production marks
 * the page red and says so; command blocks with environment values are labelled with the environment's name (the
 * `--env-name` property, drawn by global.css).
 *
 * Which environment, first match wins:
 *   1. `?env=<key>` in the address: a link chose it (Alertmanager's runbook_url from a production alert). It holds for
 *      the visit: kept in sessionStorage, so the pages this tab opens next show it too, and other tabs keep theirs.
 *   2. the environment this tab's visit started with (sessionStorage `opsbook-environment-visit`);
 *   3. the reader's own choice, kept in localStorage (`opsbook-environment`) across visits;
 *   4. the site's default (`site.defaultEnvironment`), whose values are in the HTML.
 * Choosing in the picker ends the visit's environment: the choice becomes the reader's own.
 */
import { readText, writeText } from './local-store.ts';

const ENVIRONMENT_KEY = 'opsbook-environment';
const VISIT_KEY = 'opsbook-environment-visit';

const picker = document.querySelector<HTMLElement>('[data-env-picker]');
const select = picker?.querySelector('select');

type Values = Record<string, Record<string, string | number | boolean>>;
let values: Promise<Values | undefined> | undefined;

/** One small file for the whole site, fetched only when the reader leaves the default environment (precached offline). */
function loadValues(): Promise<Values | undefined> {
	values ??= fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}environments.json`)
		.then((r) => (r.ok ? (r.json() as Promise<Values>) : undefined))
		.catch(() => undefined);
	return values;
}

/** sessionStorage that never throws (blocked storage, file:// pages): the visit's environment is then this page's only. */
function visit(value?: string | null): string | null {
	try {
		if (value === null) sessionStorage.removeItem(VISIT_KEY);
		else if (value) sessionStorage.setItem(VISIT_KEY, value);
		return sessionStorage.getItem(VISIT_KEY);
	} catch {
		return value ?? null;
	}
}

async function apply(env: string, announce: boolean): Promise<void> {
	if (!picker || !select) return;
	const option = [...select.options].find((o) => o.value === env);
	const production = option?.hasAttribute('data-production') ?? false;
	const root = document.documentElement;
	root.dataset.environment = env;
	root.toggleAttribute('data-environment-production', production);
	root.style.setProperty('--env-name', JSON.stringify(option?.dataset.name ?? env));
	picker.classList.toggle('is-production', production);
	picker.querySelector<HTMLElement>('[data-env-badge]')!.hidden = !production;
	document.querySelector<HTMLElement>('[data-env-band]')!.hidden = !production;
	const spans = document.querySelectorAll<HTMLElement>('span[data-env]');
	// The HTML already holds the default environment's values: nothing to fetch on a first visit.
	let switched = true;
	if (spans.length && (env !== picker.dataset.default || values)) {
		const all = (await loadValues())?.[env];
		// Without the values (a failed fetch), keep what the page shows rather than mixing environments.
		switched = Boolean(all);
		if (all)
			for (const span of spans)
				if (all[span.dataset.env!] !== undefined) span.textContent = String(all[span.dataset.env!]);
	}
	if (announce) {
		const name = option?.textContent ?? env;
		document.querySelector('[data-env-announce]')!.textContent = !switched
			? `Could not load ${name} values; commands still show the previous environment.`
			: production
				? `Environment: ${name}. Commands on this page now target production.`
				: `Environment: ${name}. Commands on this page now show ${name} values.`;
	}
}

if (picker && select) {
	const known = (key: string | null | undefined): key is string => [...select.options].some((o) => o.value === key);
	const linked = new URLSearchParams(location.search).get('env');
	const env =
		[known(linked) ? visit(linked) : null, visit(), readText(ENVIRONMENT_KEY), picker.dataset.default].find(known) ??
		select.value;
	select.value = env;
	void apply(env, false);
	picker.hidden = false;
	select.addEventListener('change', () => {
		writeText(ENVIRONMENT_KEY, select.value);
		visit(null);
		// The address no longer says which environment the page shows: drop it, so a reload keeps the choice.
		const url = new URL(location.href);
		if (url.searchParams.has('env')) {
			url.searchParams.delete('env');
			history.replaceState(history.state, '', url);
		}
		void apply(select.value, true);
	});
	// Another tab switched environments: follow it, so two tabs never show different targets unnoticed.
	window.addEventListener('storage', (event) => {
		if (event.key !== ENVIRONMENT_KEY || !event.newValue || event.newValue === select.value || !known(event.newValue))
			return;
		visit(null);
		select.value = event.newValue;
		void apply(event.newValue, true);
	});
}
