/**
 * Card pages: the size picker switches every card between its default size and a chosen one (a class per card,
 * and each size is a named @page in cards.css, so printing follows); `?size=index|a6` in the address does the same,
 * so a link (and the PDF command) can ask for a size. The print button calls the browser's print dialog.
 */
const SIZES = ['index', 'a6'] as const;
type SizeChoice = (typeof SIZES)[number] | 'default';

const isChoice = (value: string | null): value is SizeChoice =>
	value === 'default' || (SIZES as readonly string[]).includes(value ?? '');

function apply(choice: SizeChoice): void {
	for (const card of document.querySelectorAll<HTMLElement>('.card[data-default-size]')) {
		if (card.closest('.sheet')) continue;
		const size = choice === 'default' ? card.dataset.defaultSize : choice;
		for (const s of SIZES) card.classList.toggle(`size-${s}`, s === size);
	}
	document.documentElement.dataset.cardSize = choice;
}

const picker = document.querySelector<HTMLFieldSetElement>('[data-card-size-picker]');
const fromUrl = new URL(location.href).searchParams.get('size');
const initial: SizeChoice = isChoice(fromUrl) ? fromUrl : 'default';
if (picker) {
	const radio = picker.querySelector<HTMLInputElement>(`input[value="${initial}"]`);
	if (radio) radio.checked = true;
	picker.hidden = false;
	picker.addEventListener('change', (event) => {
		const value = (event.target as HTMLInputElement).value;
		if (!isChoice(value)) return;
		apply(value);
		const url = new URL(location.href);
		if (value === 'default') url.searchParams.delete('size');
		else url.searchParams.set('size', value);
		history.replaceState(null, '', url);
	});
}
apply(initial);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-card-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
