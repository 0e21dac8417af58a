/**
 * The offline download, <out>/opsbook-offline.zip: a copy of the finished site that works unzipped and opened from
 * file:// with no server (README, "Offline use").
 *
 * What changes in the copy, and why:
 *   - every internal URL becomes relative and ends in index.html (offline-links.ts): file:// has no base path and
 *     no directory index;
 *   - module scripts are removed: Chromium does not run them from file:// (CORS), and what they do (search box,
 *     checklists, environment picker) needs the hosted site. The theme script is inline and classic, so it stays;
 *     diagrams are inline SVG and need no script;
 *   - search: Pagefind cannot fetch its index from file://, so the search page gets search-data.js (built from
 *     Pagefind's fragments, offline-search-index.ts) and offline-search.js (src/offline/client/offline-search.ts), both
 *     classic scripts;
 *   - left out: the service worker, the web app manifest, Pagefind's files, Astro's module chunks, the offline page
 *     and hosting files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { offlineSearchScript } from './client/offline-search.ts';
import type { ContentStamp } from '../core/content-stamp.ts';
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';
import { builtFiles } from '../core/site-files.ts';
import {
	OFFLINE_MANIFEST_FILE,
	OFFLINE_PAGE,
	OFFLINE_ZIP_FILE,
	OFFLINE_ZIP_FOLDER,
	SERVICE_WORKER_FILE,
} from './offline-files.ts';
import { rewriteCssUrls, rewriteHtmlUrls, type LinkContext } from './offline-links.ts';
import { buildOfflineSearchData } from './offline-search-index.ts';

const SEARCH_DATA_FILE = 'search-data.js';
const SEARCH_SCRIPT_FILE = 'offline-search.js';
const SEARCH_DATA_GLOBAL = 'OPSBOOK_SEARCH_DATA';
/** The page the header search boxes submit to; it gets the offline search scripts. */
const SEARCH_PAGE = 'search/index.html';

/** Site files that do not belong in the download (relative paths; a trailing "/" means the whole folder). */
const LEFT_OUT = [
	SERVICE_WORKER_FILE,
	OFFLINE_MANIFEST_FILE,
	OFFLINE_ZIP_FILE,
	'manifest.webmanifest',
	'_headers',
	`${SEARCH_BUNDLE_DIR}/`,
	OFFLINE_PAGE,
];
/** Already compressed: stored as they are. */
const STORED = /\.(png|jpe?g|webp|avif|gif|woff2?|zip|gz|br|wasm|pdf)$/i;

export interface BundleResult {
	zipFile: string;
	bytes: number;
	files: number;
}

function leftOut(file: string): boolean {
	if (LEFT_OUT.some((rule) => (rule.endsWith('/') ? file.startsWith(rule) : file === rule)) || file.endsWith('.map'))
		return true;
	// Astro's script chunks are ES modules, which file:// cannot run, and no page of the download references them.
	return file.startsWith('_astro/') && /\.m?js$/.test(file);
}

/** The page's markup for the download: module scripts and the app manifest out, URLs relative. */
export function offlinePageHtml(html: string, context: LinkContext): string {
	let out = html
		.replace(/<script\b[^>]*\btype=["']module["'][^>]*>[\s\S]*?<\/script>/gi, '')
		.replace(/<link\b[^>]*\brel=["'](?:modulepreload|manifest)["'][^>]*>/gi, '');
	out = rewriteHtmlUrls(out, context);
	if (context.file === SEARCH_PAGE) {
		const root = path.posix.relative(path.posix.dirname(context.file), '') || '.';
		const scripts = `<script src="${root}/${SEARCH_DATA_FILE}"></script><script src="${root}/${SEARCH_SCRIPT_FILE}" data-root="${root}/"></script>`;
		out = out.replace(/<\/body>/i, `${scripts}</body>`);
	}
	return out;
}

function readme(stamp: ContentStamp): string {
	return [
		'Opsbook: offline copy',
		'',
		'Open index.html in this folder with any browser. No server and no network are needed:',
		'every page, diagram and the search page work from the disk.',
		'Not available here: interactive checklists and the environment picker (use the hosted site).',
		'',
		stamp.text,
		'',
	].join('\n');
}

export function writeOfflineBundle(siteDir: string, base: string, stamp: ContentStamp): BundleResult {
	const files = builtFiles(siteDir).filter((f) => !leftOut(f));
	const isDirectory = (sitePath: string) => {
		const full = path.join(siteDir, sitePath);
		return fs.existsSync(full) && fs.statSync(full).isDirectory();
	};
	const zippable: Zippable = {};
	const add = (file: string, data: Uint8Array | string) => {
		const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
		zippable[`${OFFLINE_ZIP_FOLDER}/${file}`] = [bytes, { level: STORED.test(file) ? 0 : 6 }];
	};
	for (const file of files) {
		const full = path.join(siteDir, file);
		const context: LinkContext = { base, file, isDirectory };
		if (file.endsWith('.html')) add(file, offlinePageHtml(fs.readFileSync(full, 'utf8'), context));
		else if (file.endsWith('.css')) add(file, rewriteCssUrls(fs.readFileSync(full, 'utf8'), context));
		else if (file.endsWith('.svg')) add(file, rewriteHtmlUrls(fs.readFileSync(full, 'utf8'), context));
		else add(file, fs.readFileSync(full));
	}
	const data = buildOfflineSearchData(path.join(siteDir, SEARCH_BUNDLE_DIR));
	add(SEARCH_DATA_FILE, `window.${SEARCH_DATA_GLOBAL} = ${JSON.stringify(data)};\n`);
	add(SEARCH_SCRIPT_FILE, offlineSearchScript(SEARCH_DATA_GLOBAL));
	add('README.txt', readme(stamp));
	const zipped = zipSync(zippable);
	const zipFile = path.join(siteDir, OFFLINE_ZIP_FILE);
	fs.writeFileSync(zipFile, zipped);
	return { zipFile, bytes: zipped.byteLength, files: Object.keys(zippable).length };
}
