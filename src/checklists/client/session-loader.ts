/**
 * Loader of the incident-session panel (src/checklists/IncidentSession.astro).
 *
 * The session panel (about 15 KB) loads only when it is needed: a session is running or was kept in history,
 * the reader opens the control, or another tab starts a session. Every other page pays for this loader only.
 */
const control = document.querySelector<HTMLElement>('[data-session-control]');
if (control) {
	const details = control.querySelector('details');
	let loading: Promise<unknown> | undefined;
	const load = () =>
		(loading ??= import('./incident-session.ts').then(() => {
			// Opened before the module arrived: replay the event it listens for.
			if (details?.open) details.dispatchEvent(new Event('toggle'));
		}));
	const stored = (key: string) => {
		try {
			return localStorage.getItem(key) !== null;
		} catch {
			return false;
		}
	};
	if (stored('opsbook-session:current') || stored('opsbook-session:history')) void load();
	else {
		control.hidden = false;
		details?.addEventListener('toggle', () => void load(), { once: true });
		window.addEventListener('storage', (e) => {
			if (e.key === 'opsbook-session:current') void load();
		});
	}
}
