/**
 * The offline step of `npm run build` (src/cli/build.ts), run once Astro and every integration have written the site
 * (pages, card PDFs, the Pagefind index) and before the staging folder is swapped into place:
 *   1. the offline download, <out>/opsbook-offline.zip (offline-bundle.ts);
 *   2. the service worker, <out>/sw.js, precaching the whole site (service-worker-build.ts);
 *   3. <out>/offline-manifest.json: what the precache holds (files, bytes, gzip bytes, per group) and its version,
 *      read by the status script for progress and by the benchmark for the precache size.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ContentStamp } from '../core/content-stamp.ts';
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';
import { writeOfflineBundle } from './offline-bundle.ts';
import { OFFLINE_MANIFEST_FILE, OFFLINE_ZIP_FILE, type OfflineManifest } from './offline-files.ts';
import { writeServiceWorker, type PrecacheEntry, type PrecachePlan } from './service-worker-build.ts';

/** Which part of the site a precached URL belongs to, for the size report. */
export function precacheGroup(sitePath: string): string {
	if (sitePath.startsWith(`${SEARCH_BUNDLE_DIR}/`)) return 'search index';
	if (sitePath.startsWith('_astro/')) return 'scripts and styles';
	if (sitePath.endsWith('.pdf')) return 'PDFs';
	if (sitePath.endsWith('.html')) return 'pages';
	return 'other';
}

export function precacheVersion(entries: PrecacheEntry[]): string {
	const hash = createHash('sha256');
	for (const e of [...entries].sort((a, b) => a.url.localeCompare(b.url)))
		hash.update(`${e.url}\0${e.revision ?? ''}\n`);
	return hash.digest('hex').slice(0, 16);
}

export async function writeOfflineFiles(
	siteDir: string,
	base: string,
	stamp: ContentStamp,
	plan: PrecachePlan,
): Promise<{ manifest: OfflineManifest; warnings: string[] }> {
	const bundle = writeOfflineBundle(siteDir, base, stamp);
	const { entries, left, groups: priority, warnings } = await writeServiceWorker(siteDir, base, plan);
	const groups: OfflineManifest['groups'] = {};
	let bytes = 0;
	let gzipBytes = 0;
	for (const entry of entries) {
		const sitePath = entry.url.slice(base.length);
		const group = (groups[precacheGroup(sitePath)] ??= { files: 0, bytes: 0 });
		group.files++;
		group.bytes += entry.size;
		bytes += entry.size;
		gzipBytes += gzipSync(fs.readFileSync(path.join(siteDir, sitePath)), { level: 6 }).byteLength;
	}
	const manifest: OfflineManifest = {
		version: precacheVersion(entries),
		stamp: stamp.text,
		files: entries.length,
		bytes,
		gzipBytes,
		groups,
		zip: { file: OFFLINE_ZIP_FILE, bytes: bundle.bytes },
		budgetBytes: plan.budgetBytes,
		left: { files: left.length, bytes: left.reduce((n, e) => n + e.size, 0) },
		priority,
	};
	fs.writeFileSync(path.join(siteDir, OFFLINE_MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
	return { manifest, warnings };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** One line for the build log. */
export function describeOffline(manifest: OfflineManifest): string {
	const parts = Object.entries(manifest.groups)
		.sort((a, b) => b[1].bytes - a[1].bytes)
		.map(([name, g]) => `${name} ${mb(g.bytes)}`)
		.join(', ');
	const budget = `budget ${mb(manifest.budgetBytes)}`;
	const left = manifest.left.files
		? `; over the ${budget}: ${manifest.left.files} files (${mb(manifest.left.bytes)}) saved when first opened, not precached: ${manifest.priority
				.filter((g) => !g.complete)
				.map((g) => g.label)
				.join(', ')}`
		: ` (${budget})`;
	return `offline: precache ${manifest.files} files, ${mb(manifest.bytes)} (${mb(manifest.gzipBytes)} gzip; ${parts})${left}; download ${manifest.zip.file} ${mb(manifest.zip.bytes)}`;
}
