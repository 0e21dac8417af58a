/**
 * Runs inline in <head> before first paint: applies the reader's stored theme choice so the page never flashes the
 * wrong colours. With no stored choice nothing is set and CSS follows the system (`color-scheme: light dark`).
 * Serialised with Function.prototype.toString, so it must stay self-contained.
 */
export function applyStoredTheme(): void {
	try {
		const stored = localStorage.getItem('opsbook-theme');
		if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
	} catch {
		// Storage can be blocked (private mode, file:// in some browsers): the system theme still applies.
	}
}

export const themeInitScript = `(${applyStoredTheme.toString()})()`;
