/**
 * The search page (`search/?q=...`): runs the search in the address on load, with results in the page. The search
 * code (3 KB gzip) is imported right after this module runs rather than with the page: the page paints without it,
 * and every page keeps its up-front JavaScript under 4 KB gzip (issue #21), this one included.
 */
const input = document.querySelector<HTMLInputElement>('input[data-search-input][data-search-primary]');
if (input) {
	// Arriving with no query (the header's Search button, a bookmark): ready to type while the code arrives.
	if (!input.value) input.focus();
	void import('./search-ui.ts').then(({ attach }) => attach(input, { inline: true }));
}
