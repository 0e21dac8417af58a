/**
 * The Content-Security-Policy every page carries as a <meta>, so it holds on any static host with no header
 * configuration. Scripts: same origin, plus the hash of each inline script the layout writes (only the theme
 * script, which must run before first paint). Styles allow 'unsafe-inline' because build-time diagrams (SVG) carry
 * style attributes. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'.
 *
 * Built here rather than by Astro's `security.csp`, which also lists a hash for every bundled module script: those
 * load from 'self' anyway, and the list cost about 0.6 KB on every page (and in the offline precache, once per page).
 */
import { createHash } from 'node:crypto';

const DIRECTIVES = [
	"default-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"style-src 'self' 'unsafe-inline'",
];

export function scriptHash(source: string): string {
	return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
	const scripts = ["script-src 'self' 'wasm-unsafe-eval'", ...inlineScripts.map(scriptHash)].join(' ');
	return [...DIRECTIVES, scripts].join('; ');
}
