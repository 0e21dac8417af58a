/** The search page (`search/?q=...`): runs the search in the address on load, with results in the page. */
import { attach } from './search-ui.ts';

const input = document.querySelector<HTMLInputElement>('input[data-search-input][data-search-primary]');
if (input) {
	attach(input, { inline: true });
	// Arriving with no query (the header's Search button, a bookmark): ready to type.
	if (!input.value) input.focus();
}
