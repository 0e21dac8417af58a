/**
 * Copy buttons on documents' code blocks. The HTML carries bare `<pre>` elements (src/shell/markdown/rehype-code-blocks.ts):
 * each is wrapped here in `.code-block` with its button, so the button exists only where it works. Cards are left
 * alone: they are printed, and the wrapper would change their measured height. One delegated listener.
 */
import { copyText } from '../../core/client/clipboard.ts';

for (const pre of document.querySelectorAll<HTMLPreElement>('.doc-body pre')) {
	if (pre.parentElement?.classList.contains('code-block')) continue;
	const wrapper = document.createElement('div');
	wrapper.className = 'code-block';
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'copy-code';
	button.dataset.pagefindIgnore = '';
	button.textContent = 'Copy';
	pre.replaceWith(wrapper);
	wrapper.append(pre, button);
}

document.addEventListener('click', async (event) => {
	const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.copy-code');
	const code = button?.parentElement?.querySelector('pre');
	if (!button || !code) return;
	button.textContent = (await copyText(code.textContent ?? '')) ? 'Copied' : 'Select and copy';
	setTimeout(() => (button.textContent = 'Copy'), 2000);
});
