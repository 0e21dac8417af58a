/** Offline: the service worker and its precache, the file:// download, the offline page and the web manifest. */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { route } from '../core/routes.ts';
import { describeOffline, writeOfflineFiles } from './offline-build.ts';

export const offlineRoutes = [
	route('/offline', './routes/offline.astro', import.meta.url),
	route('/manifest.webmanifest', './routes/manifest.webmanifest.ts', import.meta.url),
];

/** Last step of the build: the precache covers everything written before it. */
export async function offlineStep(site: ResolvedConfig, out: string, logger: AstroIntegrationLogger): Promise<void> {
	const offline = await writeOfflineFiles(out, site.base, site.stamp);
	for (const warning of offline.warnings) logger.warn(warning);
	logger.info(describeOffline(offline.manifest));
}
