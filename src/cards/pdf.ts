/**
 * Card PDFs (`opsbook cards`, and the build's card step): prints the built quick-reference cards to PDF, through Chromium (src/core/browser.ts):
 *   <out>/cards/pdf/<card>-index.pdf and <card>-a6.pdf   one card per file, one page, at that size
 *   <out>/cards/pdf/sheet-a4.pdf and sheet-letter.pdf    every card at index size, four per sheet, with cut marks
 * It serves the built site on loopback and prints its card pages, so the PDFs are
 * exactly what the site shows. Every card must fit on one page at every size: a card whose content runs past its
 * page (measured in the browser) or whose PDF is not exactly one page fails the command (exit 1), naming the card's
 * file and the size.
 *
 * The build runs this with `ifBrowser` before it swaps the new site in: no Chromium means a clear line and no
 * PDFs, never a failed build; an overflowing card fails the build like any other content problem.
 * OPSBOOK_CARD_PDFS=off skips it in the build (quick local builds).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { BrowserNotFoundError, launchBrowser, resolveBrowser } from '../core/browser.ts';
import { CARD_MANIFEST, CARD_PDF_DIR, cardPdfName, sheetPdfName, type CardManifest } from './card-paths.ts';
import type { SheetPaper } from './card-sizes.ts';
import { measureCardFit } from './card-fit.ts';
import type { ContentProblem } from '../core/errors.ts';
import { displayPath } from '../core/paths.ts';
import { startStaticServer } from '../core/static-server.ts';
import { CARD_SIZE_NAMES, type CardSize } from './schema.ts';

const PARALLEL = 2;

export interface CardPdfOptions {
	/** The built site (its folder). */
	site: string;
	base: string;
	contentDir: string;
	/** No browser: log a line and print nothing, instead of failing. */
	ifBrowser: boolean;
	log: (line: string) => void;
}

export interface CardPdfResult {
	written: number;
	/** Cards that do not fit, as file:field problems; empty when every card fits. */
	problems: ContentProblem[];
	/** Set when nothing could be printed (no manifest, no browser): the reason. */
	error?: string;
}

export async function printCardPdfs({
	site,
	base,
	contentDir,
	ifBrowser,
	log,
}: CardPdfOptions): Promise<CardPdfResult> {
	const manifestFile = path.join(site, CARD_MANIFEST);
	if (!fs.existsSync(manifestFile)) {
		return {
			written: 0,
			problems: [],
			error: `no ${CARD_MANIFEST} in ${displayPath(site)}/: build the site first (opsbook build).`,
		};
	}
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as CardManifest;
	if (!manifest.cards.length) {
		log('no cards to print');
		return { written: 0, problems: [] };
	}

	try {
		resolveBrowser();
	} catch (error) {
		if (!(error instanceof BrowserNotFoundError)) throw error;
		if (ifBrowser) {
			// The first sentence says where it looked ("No Chromium found at OPSBOOK_CHROMIUM=..."); the how-to-fix list is for the command.
			log(
				`skipped: ${error.message.split('\n')[0]!.replace(/ Opsbook needs.*$/, '')} Install one (see README, Prerequisites), then run opsbook cards.`,
			);
			return { written: 0, problems: [] };
		}
		return { written: 0, problems: [], error: error.message };
	}

	const started = performance.now();
	const target = path.join(site, CARD_PDF_DIR);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });

	const server = await startStaticServer(site, 0, base);
	let browser: Browser | undefined;
	const problems: ContentProblem[] = [];
	let written = 0;
	try {
		browser = await launchBrowser();
		// A fresh context with no service worker: the offline precache would otherwise download the whole site first.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const newPage = async () => {
			const page = await context.newPage();
			await page.emulateMedia({ media: 'print', colorScheme: 'light' });
			return page;
		};

		// Two pages print at once: laying out and printing is mostly single-threaded in each renderer.
		const jobs = manifest.cards.flatMap((card) => CARD_SIZE_NAMES.map((size) => ({ card, size })));
		await Promise.all(
			Array.from({ length: Math.min(PARALLEL, jobs.length) }, async () => {
				const page = await newPage();
				for (let job = jobs.shift(); job; job = jobs.shift()) {
					const { card, size } = job;
					await page.goto(`${server.url}${card.page}?size=${size}`, { waitUntil: 'load' });
					await page.waitForSelector(`.card.size-${size}[data-card-id="${card.id}"]`, {
						state: 'attached',
						timeout: 10_000,
					});
					const [fit] = await page.evaluate(measureCardFit, `.card[data-card-id="${card.id}"]`);
					const dims = manifest.sizes[size];
					if (fit && (fit.overBottom || fit.overRight))
						problems.push(overflowProblem(contentDir, card, size, dims, fit.overBottom, fit.overRight));
					const pages = await printTo(page, path.join(target, cardPdfName(card.id, size)));
					if (pages !== 1)
						problems.push({
							file: sourceOf(contentDir, card),
							field: `card "${card.id}" at ${size}`,
							message: `prints on ${pages} pages (${dims.width} × ${dims.height} mm); it must fit on one: shorten it`,
						});
					written++;
				}
				await page.close();
			}),
		);

		const page = await newPage();
		const expected = Math.ceil(manifest.cards.length / manifest.cardsPerSheet);
		for (const paper of Object.keys(manifest.sheets) as SheetPaper[]) {
			const sheet = manifest.sheets[paper];
			await page.goto(`${server.url}${sheet.page}`, { waitUntil: 'load' });
			for (const fit of await page.evaluate(measureCardFit, '.sheet .card')) {
				const card = manifest.cards.find((c) => c.id === fit.id);
				if (card && (fit.overBottom || fit.overRight))
					problems.push(
						overflowProblem(contentDir, card, `${paper} sheet`, manifest.sizes.index, fit.overBottom, fit.overRight),
					);
			}
			const pages = await printTo(page, path.join(target, sheetPdfName(paper)));
			if (pages !== expected)
				problems.push({
					file: path.join(contentDir, 'cards'),
					field: `${paper} sheet`,
					message: `prints on ${pages} pages, expected ${expected} (${manifest.cards.length} cards, ${manifest.cardsPerSheet} per sheet)`,
				});
			written++;
		}
	} finally {
		await browser?.close();
		await server.close();
	}

	// One line per card and size; the same card overflowing on a sheet is the index-size problem again, so it is folded in.
	// Parallel pages finish in any order; report in the cards' order, index before A6, sheets last.
	const order = (p: ContentProblem) => {
		const card = manifest.cards.findIndex((c) => sourceOf(contentDir, c) === p.file);
		const size = CARD_SIZE_NAMES.findIndex((s) => p.field?.endsWith(`at ${s}`));
		return (card === -1 ? manifest.cards.length : card) * 10 + (size === -1 ? 9 : size);
	};
	problems.sort((a, b) => order(a) - order(b));
	const unique = problems.filter(
		(p, i) => problems.findIndex((q) => q.file === p.file && q.message === p.message) === i,
	);
	if (unique.length) return { written, problems: unique };
	log(
		`${written} PDFs (${manifest.cards.length} cards × ${CARD_SIZE_NAMES.length} sizes, ${Object.keys(manifest.sheets).length} sheets) in ${CARD_PDF_DIR}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`,
	);

	return { written, problems: [] };
}

async function printTo(page: Page, file: string): Promise<number> {
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	fs.writeFileSync(file, pdf);
	return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

function sourceOf(contentDir: string, card: CardManifest['cards'][number]): string {
	return path.join(contentDir, card.file);
}

function overflowProblem(
	contentDir: string,
	card: CardManifest['cards'][number],
	size: CardSize | string,
	dims: { width: number; height: number },
	overBottom: number,
	overRight: number,
): ContentProblem {
	const how = [overBottom && `${overBottom} mm past the bottom`, overRight && `${overRight} mm past the right edge`]
		.filter(Boolean)
		.join(' and ');
	return {
		file: sourceOf(contentDir, card),
		field: `card "${card.id}" at ${size}`,
		message: `does not fit on one ${dims.width} × ${dims.height} mm page: content runs ${how}. Shorten it.`,
	};
}
