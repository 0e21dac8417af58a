/**
 * The environment picker: shows every `span[data-env]` (an `{env.*}` fact, in prose, inline code and code blocks)
 * with the chosen environment's value, so commands show and copy that environment's values. The choice is kept in
 * localStorage (`opsbook-environment`) and applied on every page; choosing production marks the page red and says so.
 */
import { readText, writeText } from './local-store.ts';

const ENVIRONMENT_KEY = 'opsbook-environment';

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

async function apply(env: string, announce: boolean): Promise<void> {
	if (!picker || !select) return;
	const option = [...select.options].find((o) => o.value === env);
	const production = option?.hasAttribute('data-production') ?? false;
	document.documentElement.dataset.environment = env;
	document.documentElement.toggleAttribute('data-environment-production', production);
	picker.classList.toggle('is-production', production);
	picker.querySelector<HTMLElement>('[data-env-badge]')!.hidden = !production;
	picker.querySelector<HTMLElement>('[data-env-band]')!.hidden = !production;
	const spans = document.querySelectorAll<HTMLElement>('span[data-env]');
	// The HTML already holds the default environment's values: nothing to fetch on a first visit.
	let switched = true;
	if (spans.length && (env !== picker.dataset.default || values)) {
		const all = (await loadValues())?.[env];
		// Without the values (a failed fetch), keep what the page shows rather than mixing environments.
		switched = Boolean(all);
		if (all) for (const span of spans) if (all[span.dataset.env!] !== undefined) span.textContent = String(all[span.dataset.env!]);
	}
	if (announce) {
		const name = option?.textContent ?? env;
		picker.querySelector('[data-env-announce]')!.textContent = !switched
			? `Could not load ${name} values; commands still show the previous environment.`
			: production
				? `Environment: ${name}. Commands on this page now target production.`
				: `Environment: ${name}. Commands on this page now show ${name} values.`;
	}
}

if (picker && select) {
	const stored = readText(ENVIRONMENT_KEY);
	const valid = [...select.options].some((o) => o.value === stored);
	const env = valid ? stored! : (picker.dataset.default ?? select.value);
	select.value = env;
	void apply(env, false);
	picker.hidden = false;
	select.addEventListener('change', () => {
		writeText(ENVIRONMENT_KEY, select.value);
		void apply(select.value, true);
	});
	// Another tab switched environments: follow it, so two tabs never show different targets unnoticed.
	window.addEventListener('storage', (event) => {
		if (event.key !== ENVIRONMENT_KEY || !event.newValue || event.newValue === select.value) return;
		select.value = event.newValue;
		void apply(event.newValue, true);
	});
}
