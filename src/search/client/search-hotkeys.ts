/**
 * The only search code on every page, so it stays tiny: `/` (outside text fields) and Ctrl/Cmd+K put the cursor in
 * the search box, and focusing a search box loads the search island (search-ui.ts), which then loads Pagefind and
 * the index. Until then a search box is a plain form that submits to the search page.
 */
const INPUT = 'input[data-search-input]';

/** Where "/" is typed, not a shortcut. A focused checklist checkbox is not one: "/" still opens search there. */
const TEXT_FIELD =
	'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"]), textarea, select';

function isTextField(target: EventTarget | null): boolean {
	return target instanceof HTMLElement && (target.isContentEditable || target.matches(TEXT_FIELD));
}

function openSearch(input: HTMLInputElement): void {
	// The combobox role is set here, in the focus event itself, so assistive technology meets the box as a combobox
	// at focus time rather than learning it after the island has loaded.
	if (input.getAttribute('role') !== 'combobox') {
		input.setAttribute('role', 'combobox');
		input.setAttribute('aria-expanded', 'false');
	}
	// The search page's own box shows its results in the page, whichever script attaches it first.
	const inline = input.closest('[data-search-form="page"]') !== null;
	// Pagefind and its index start loading now, after the 1.3 KB engine module rather than after the 7.6 KB island:
	// on a phone's connection, the island's download no longer comes first. loadEngine() loads once per page, and
	// the island awaits that same load.
	import('./search-engine.ts').then(
		(engine) => engine.loadEngine().catch(() => undefined),
		() => undefined,
	);
	import('./search-ui.ts').then(
		(ui) => ui.attach(input, { inline }),
		(error: unknown) => console.error('Search could not load', error),
	);
}

document.addEventListener('focusin', (event) => {
	if (event.target instanceof HTMLInputElement && event.target.matches(INPUT)) openSearch(event.target);
});

document.addEventListener('keydown', (event) => {
	if (event.isComposing || event.altKey) return;
	const chord = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
	const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTextField(event.target);
	if (!chord && !slash) return;
	// The page's main search box (home, search page) when there is one, else the header's.
	const input =
		document.querySelector<HTMLInputElement>(`${INPUT}[data-search-primary]`) ??
		document.querySelector<HTMLInputElement>(INPUT);
	if (!input) return;
	event.preventDefault();
	// On a phone the header's box is inside the closed Search disclosure: open it, or the box cannot take focus.
	const details = input.closest('details');
	if (details) details.open = true;
	input.focus();
	input.select();
});
