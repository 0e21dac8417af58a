/**
 * The web app manifest that makes the site installable ("Install Opsbook" in the browser): it opens standalone, at
 * the site's base, and stays inside it (start_url and scope respect Astro's `base`). Served as
 * <base>manifest.webmanifest by src/offline/routes/manifest.webmanifest.ts and linked from every page (InstallMeta.astro).
 */

/** The brand blue of the favicon (and the link colour of the light theme). */
export const THEME_COLOR = '#1d4ed8';
/** Page backgrounds of the two themes (src/shell/styles/global.css, --bg): the splash screen and the dark title bar. */
export const BACKGROUND_LIGHT = '#ffffff';
export const BACKGROUND_DARK = '#0f1115';

export const WEB_MANIFEST_FILE = 'manifest.webmanifest';

export interface WebManifestInput {
	/** facts.site.title */
	title: string;
	/** One line about the site (the service it documents). */
	description: string;
	/** Astro base, "/" or "/ops/". */
	base: string;
}

export function webManifest({ title, description, base }: WebManifestInput) {
	return {
		id: base,
		name: title,
		short_name: title,
		description,
		start_url: base,
		scope: base,
		display: 'standalone',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_LIGHT,
		icons: [
			{ src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
			{ src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: `${base}icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: `${base}icons/icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
		],
	};
}
