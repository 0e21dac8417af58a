/**
 * The header's two disclosures on small screens (Base.astro): Search and Menu are <details> and work without this
 * file; it adds what a reader expects of a menu. Opening Search puts the cursor in the box; Escape closes the open
 * one and returns focus to its button; a tap elsewhere closes it. On wide screens their contents are always shown
 * and none of this matters.
 */
const OPEN = '.site-header > details[open]';

// `toggle` does not bubble: listen in the capture phase.
document.addEventListener(
	'toggle',
	(event) => {
		const details = event.target as HTMLDetailsElement;
		if (details.open && details.matches('.header-search'))
			details.querySelector<HTMLInputElement>('input[data-search-input]')?.focus();
	},
	true,
);

document.addEventListener('keydown', (event) => {
	const target = event.target as Element;
	// The incident-session panel inside the menu closes itself first.
	if (event.key !== 'Escape' || target.closest?.('[data-session-control] details[open]')) return;
	const details = target.closest?.<HTMLDetailsElement>(OPEN);
	if (!details) return;
	details.open = false;
	details.querySelector('summary')?.focus();
});

document.addEventListener('click', (event) => {
	for (const details of document.querySelectorAll<HTMLDetailsElement>(OPEN))
		if (!details.contains(event.target as Node)) details.open = false;
});
