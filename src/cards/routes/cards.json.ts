/**
 * The built cards, for `npm run cards:pdf` (which prints what was built, not what is in content/ now) and for tests:
 * id, title, source file, live URL of the summarised document, default size, page; plus the printed sizes.
 */
import type { APIRoute } from 'astro';
import { allCardViews } from '../cards.ts';
import { cardPath, sheetPath, type CardManifest } from '../card-paths.ts';
import { CARD_SIZES, CARDS_PER_SHEET, SHEET_PAPERS } from '../card-sizes.ts';
import { CARDS_FOLDER } from '../card-files.ts';

export const GET: APIRoute = async () => {
	const views = await allCardViews();
	const manifest: CardManifest = {
		cards: views.map((v) => ({
			id: v.id,
			title: v.title,
			file: `${CARDS_FOLDER}/${v.entry.id}.mdx`,
			url: v.url,
			defaultSize: v.defaultSize,
			page: cardPath(v.id),
		})),
		sizes: {
			index: { width: CARD_SIZES.index.width, height: CARD_SIZES.index.height },
			a6: { width: CARD_SIZES.a6.width, height: CARD_SIZES.a6.height },
		},
		sheets: {
			a4: { width: SHEET_PAPERS.a4.width, height: SHEET_PAPERS.a4.height, page: sheetPath('a4') },
			letter: { width: SHEET_PAPERS.letter.width, height: SHEET_PAPERS.letter.height, page: sheetPath('letter') },
		},
		cardsPerSheet: CARDS_PER_SHEET,
	};
	return new Response(`${JSON.stringify(manifest, null, '\t')}\n`, { headers: { 'content-type': 'application/json' } });
};
