/** Offline: the service worker and its precache, the file:// download, the offline page and the web manifest. */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { route } from '../core/routes.ts';
import { describeOffline, writeOfflineFiles } from './offline-build.ts';
import type { PageFacts } from './precache-priority.ts';

export type { PageFacts } from './precache-priority.ts';

export const offlineRoutes = [
	route('/offline', './routes/offline.astro', import.meta.url),
	route('/manifest.webmanifest', './routes/manifest.webmanifest.ts', import.meta.url),
];

/**
 * Last step of the build: the precache covers everything written before it, up to the budget. `pages`: each document
 * page's kind and tags by its path in the site ("runbooks/rollback/index.html"), for the precache order.
 */
export async function offlineStep(
	site: ResolvedConfig,
	out: string,
	logger: AstroIntegrationLogger,
	pages: PageFacts = new Map(),
): Promise<void> {
	const offline = await writeOfflineFiles(out, site.base, site.stamp, { budgetBytes: site.precacheBudgetBytes, pages });
	for (const warning of offline.warnings) logger.warn(warning);
	logger.info(describeOffline(offline.manifest));
}
