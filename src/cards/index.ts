/** Quick-reference cards: their pages, printable sheets and the PDFs printed after the build. */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { ContentError } from '../core/errors.ts';
import { route } from '../core/routes.ts';
import { printCardPdfs } from './pdf.ts';

export { printCardPdfs } from './pdf.ts';

export const cardRoutes = [
	route('/cards', './routes/index.astro', import.meta.url),
	route('/cards/cards.json', './routes/cards.json.ts', import.meta.url),
	route('/cards/sheet/[paper]', './routes/sheet/[paper].astro', import.meta.url),
	route('/cards/[id]', './routes/[id].astro', import.meta.url),
];

/** Prints every card at every size; no browser is a log line, a card that does not fit fails the build. */
export async function cardPdfStep(site: ResolvedConfig, out: string, logger: AstroIntegrationLogger): Promise<void> {
	const log = (line: string) => logger.info(`card PDFs: ${line}`);
	const result = await printCardPdfs({
		site: out,
		base: site.base,
		contentDir: site.contentDir,
		cacheDir: site.cacheDir,
		ifBrowser: true,
		log,
	});
	if (result.error) throw new Error(`card PDFs: ${result.error}`);
	if (result.problems.length) throw new ContentError(result.problems);
}
