/**
 * The print date in the print footer. Set when the page loads (a page is usually printed the day it is opened) and
 * again on `beforeprint`, so a tab left open for days still prints the right date. Local date, YYYY-MM-DD.
 */
function stamp(): void {
	const slot = document.querySelector<HTMLElement>('[data-print-date]');
	if (!slot) return;
	const now = new Date();
	const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
	slot.textContent = `· printed ${day}`;
	slot.dataset.printDate = day;
}

stamp();
window.addEventListener('beforeprint', stamp);
