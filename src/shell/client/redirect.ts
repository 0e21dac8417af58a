/**
 * The alert routes' redirect (src/alerts/routes/[alert].astro through Base.astro's `refresh`). It carries the query
 * along: Alertmanager links to `/alerts/<Name>/?env=production` and the runbook must open with production values.
 * Inline and classic, right after the page's content: it follows the page's own `a[data-redirect]`, whose href the
 * offline download rewrites like any other link (a URL in a <meta> it would not), and its text is one constant, whose
 * hash the Content-Security-Policy lists. Without JavaScript a meta refresh in <noscript> redirects instead (without
 * the query: with no script there is no environment picker to set).
 * Serialised with Function.prototype.toString, so it must stay self-contained.
 */
export function redirectWithQuery(): void {
	const link = document.querySelector<HTMLAnchorElement>('a[data-redirect]');
	if (!link) return;
	const url = new URL(link.href);
	url.search = location.search;
	location.replace(url.href);
}

export const redirectScript = `(${redirectWithQuery.toString()})()`;
