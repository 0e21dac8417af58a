/**
 * The sub-path the site is hosted under (Astro's `base`), from OPSBOOK_BASE. Read here, once, by the Astro config and
 * by build-time plugins that run where import.meta.env.BASE_URL does not exist. Always starts and ends with "/".
 */
export function basePath(env: NodeJS.ProcessEnv = process.env): string {
	const raw = (env.OPSBOOK_BASE ?? '/').trim();
	const trimmed = raw.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** Prefix a site-absolute path ("/runbooks/x/") with the base; leaves other URLs alone. */
export function prefixBase(href: string, base: string): string {
	if (!href.startsWith('/') || href.startsWith('//') || base === '/' || href.startsWith(base)) return href;
	return `${base}${href.slice(1)}`;
}
