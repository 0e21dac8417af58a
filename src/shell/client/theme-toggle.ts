/** The header's theme button: cycles system -> dark -> light and remembers the choice. */
const KEY = 'opsbook-theme';
const ORDER = ['system', 'dark', 'light'] as const;
type Choice = (typeof ORDER)[number];

function current(): Choice {
	const t = document.documentElement.dataset.theme;
	return t === 'dark' || t === 'light' ? t : 'system';
}

function show(button: HTMLButtonElement, choice: Choice): void {
	button.dataset.choice = choice;
	button.querySelector('.theme-label')!.textContent = choice[0]!.toUpperCase() + choice.slice(1);
	button.setAttribute('aria-label', `Colour theme: ${choice}. Change theme`);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
	show(button, current());
	button.hidden = false;
	button.addEventListener('click', () => {
		const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length]!;
		if (next === 'system') {
			delete document.documentElement.dataset.theme;
			localStorage.removeItem(KEY);
		} else {
			document.documentElement.dataset.theme = next;
			localStorage.setItem(KEY, next);
		}
		show(button, next);
	});
}
