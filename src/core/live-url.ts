/**
 * Absolute addresses on the live site (facts site.url + the base path + a site path): what a QR code on paper and a
 * printed page's footer point at. Never the address the page happens to be served from (localhost, a file).
 */
import { prefixBase } from './base-path.ts';

export function liveUrl(siteUrl: string, base: string, sitePath: string): string {
	const origin = siteUrl.replace(/\/+$/, '');
	const absolute = sitePath.startsWith('/') ? sitePath : `/${sitePath}`;
	return `${origin}${prefixBase(absolute, base)}`;
}

/** A document's page on the live site: `https://ops.example.com/ops/runbooks/rollback/`. */
export function liveDocumentUrl(siteUrl: string, base: string, docId: string): string {
	return liveUrl(siteUrl, base, `/${docId}/`);
}

/** The same address without the scheme, for printing under a QR code. */
export function shortUrl(url: string): string {
	return url.replace(/^https?:\/\//, '');
}
