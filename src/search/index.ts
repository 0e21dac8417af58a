/** Search: the Pagefind index written after the build, the search page and the client that loads on first use. */
import type { AstroIntegrationLogger } from 'astro';
import { route } from '../core/routes.ts';
import { writeSearchIndex } from './integration.ts';

export const searchRoutes = [route('/search', './routes/search.astro', import.meta.url)];

export async function searchIndexStep(
	alertNames: string[],
	out: string,
	logger: AstroIntegrationLogger,
): Promise<void> {
	await writeSearchIndex(out, alertNames, logger);
}
