/** Site-relative links that respect Astro's `base`, so the site works when hosted under a sub-path. */
export function withBase(path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	return `${base}/${path.replace(/^\//, '')}`;
}
