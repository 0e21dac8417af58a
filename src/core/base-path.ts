/** Prefix a site-absolute path ("/runbooks/x/") with the base; leaves other URLs alone. */
export function prefixBase(href: string, base: string): string {
	if (!href.startsWith('/') || href.startsWith('//') || base === '/' || href.startsWith(base)) return href;
	return `${base}${href.slice(1)}`;
}
