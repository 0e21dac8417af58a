/** Search: the Pagefind index written after the build, the search page and the client that loads on first use. */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { route } from '../core/routes.ts';
import { loadSiteFacts } from '../facts/load-site-facts.ts';
import { writeSearchIndex } from './integration.ts';

export const searchRoutes = [route('/search', './routes/search.astro', import.meta.url)];

export async function searchIndexStep(site: ResolvedConfig, out: string, logger: AstroIntegrationLogger): Promise<void> {
	await writeSearchIndex(out, Object.keys(loadSiteFacts(site).alerts), logger);
}
