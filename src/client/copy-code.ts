/** Copy buttons on code blocks: one delegated listener; buttons stay hidden until this script runs. */
for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-code')) button.hidden = false;

document.addEventListener('click', async (event) => {
	const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.copy-code');
	const code = button?.parentElement?.querySelector('pre');
	if (!button || !code) return;
	try {
		await navigator.clipboard.writeText(code.textContent ?? '');
		button.textContent = 'Copied';
	} catch {
		button.textContent = 'Select and copy';
	}
	setTimeout(() => (button.textContent = 'Copy'), 2000);
});
