/**
 * Names shared by the build step that writes the offline files (src/offline/offline-build.ts) and the browser script
 * that uses them (src/offline/client/offline-status.ts). Plain constants: imported on both sides, no Node APIs here.
 * Every path is relative to the site's base (Astro `base`).
 */

/** The service worker, at the base so its default scope is the whole site and nothing outside it. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Workbox cache prefix. The precache is `<prefix>-precache-v2-<scope>` (Workbox's naming): the status script counts
 * its entries to show progress while the first install fills it.
 */
export const CACHE_PREFIX = 'opsbook';

export function precacheName(scope: string): string {
	return `${CACHE_PREFIX}-precache-v2-${scope}`;
}

/** What the precache holds: file count, bytes, version. Written by the build, read by the status script and the benchmark. */
export const OFFLINE_MANIFEST_FILE = 'offline-manifest.json';

/** The page served for a navigation outside the precache when the network is gone. */
export const OFFLINE_PAGE = 'offline/';

/** The download: a copy of the site that works from file:// (README, "Offline use"). */
export const OFFLINE_ZIP_FILE = 'opsbook-offline.zip';

/** The folder the zip unpacks to. */
export const OFFLINE_ZIP_FOLDER = 'opsbook-offline';

/** Shape of OFFLINE_MANIFEST_FILE. */
export interface OfflineManifest {
	/** Hash of every precached URL and revision: changes exactly when the service worker changes. */
	version: string;
	/** Content stamp of the build (src/core/content-stamp.ts). */
	stamp: string;
	/** Precached files and their total size in bytes, as stored in the browser (uncompressed). */
	files: number;
	bytes: number;
	/** The same files gzip-compressed: roughly what the first visit downloads from a compressing host. */
	gzipBytes: number;
	/** Bytes per group (pages, scripts and styles, search index, PDFs, other), to see where the weight is. */
	groups: Record<string, { files: number; bytes: number }>;
	/** The download next to it, in bytes. */
	zip: { file: string; bytes: number };
	/** The precache budget (config `precacheBudgetMB`) and what it left out, saved when first opened instead. */
	budgetBytes: number;
	left: { files: number; bytes: number };
	/** What the precache holds in priority order (src/offline/precache-priority.ts); `complete` when all of it fits. */
	priority: Array<{ label: string; files: number; bytes: number; complete: boolean }>;
}
