/**
 * Link rewriting for the offline download. Opened from file:// there is no server: no base path, no directory index.
 * So every internal URL becomes a path relative to the file that holds it, and a directory URL gets "index.html":
 *   /ops/runbooks/rollback/#steps  (in runbooks/deployment/index.html)  ->  ../rollback/index.html#steps
 * External URLs (a scheme or //host), fragments and URLs outside the base are left alone.
 */
import path from 'node:path';

export interface LinkContext {
	/** The site's base path, "/" or "/ops/". */
	base: string;
	/** The file being rewritten, relative to the site root, with "/" separators ("runbooks/rollback/index.html"). */
	file: string;
	/** Whether a site-relative path (no leading "/", decoded) is a folder of the site. */
	isDirectory(sitePath: string): boolean;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The site-relative path ("" = the root) an internal URL's path points at, or undefined for external or outside ones. */
function sitePathOf(urlPath: string, context: LinkContext): string | undefined {
	if (urlPath.startsWith('/')) {
		const base = context.base;
		if (urlPath === base.replace(/\/$/, '')) return '';
		return urlPath.startsWith(base) ? urlPath.slice(base.length) : undefined;
	}
	const from = path.posix.dirname(context.file);
	if (urlPath === '') return context.file;
	const joined = path.posix.normalize(path.posix.join(from, urlPath));
	if (joined === '..' || joined.startsWith('../')) return undefined;
	const resolved = joined === '.' ? '' : joined;
	return urlPath.endsWith('/') && resolved && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}

/** The rewritten URL, or the URL unchanged when it is not an internal one. */
export function offlineUrl(url: string, context: LinkContext): string {
	if (url === '' || url.startsWith('#') || EXTERNAL.test(url)) return url;
	const cut = url.search(/[?#]/);
	const urlPath = cut < 0 ? url : url.slice(0, cut);
	const rest = cut < 0 ? '' : url.slice(cut);
	const sitePath = sitePathOf(urlPath, context);
	if (sitePath === undefined) return url;
	let target = sitePath;
	if (target === '' || target.endsWith('/')) target += 'index.html';
	else if (context.isDirectory(safeDecode(target))) target += '/index.html';
	const relative = path.posix.relative(path.posix.dirname(context.file), target) || path.posix.basename(target);
	return `${relative}${rest}`;
}

function safeDecode(value: string): string {
	try {
		return decodeURI(value);
	} catch {
		return value;
	}
}

/** Attributes that hold a URL in the site's HTML and inline SVG. */
const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|xlink:href)=)(["'])(.*?)\2/g;
/** <meta http-equiv="refresh" content="0; url=..."> (the alert routes). */
const REFRESH = /(<meta\s+http-equiv=["']refresh["']\s+content=["']\s*\d+\s*;\s*url=)([^"']*)(["'])/gi;

/** Rewrites every internal URL in a page's markup (and in SVG files); script bodies are left untouched. */
export function rewriteHtmlUrls(html: string, context: LinkContext): string {
	return html
		.split(/(<script\b[\s\S]*?<\/script>)/i)
		.map((part, i) => {
			const rewrite = (markup: string) =>
				markup
					.replace(
						URL_ATTRIBUTE,
						(_m, attr: string, quote: string, value: string) => `${attr}${quote}${offlineUrl(value, context)}${quote}`,
					)
					.replace(
						REFRESH,
						(_m, start: string, value: string, end: string) => `${start}${offlineUrl(value, context)}${end}`,
					);
			// A script: only its opening tag (src) is markup.
			return i % 2 === 1 ? part.replace(/^<script\b[^>]*>/i, rewrite) : rewrite(part);
		})
		.join('');
}

/** Rewrites url(...) references in a stylesheet (Astro writes them site-absolute, with the base). */
export function rewriteCssUrls(css: string, context: LinkContext): string {
	return css.replace(
		/url\(\s*(["']?)([^"')]+)\1\s*\)/g,
		(_m, quote: string, value: string) => `url(${quote}${offlineUrl(value.trim(), context)}${quote})`,
	);
}
