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
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BrowserNotFoundError, launchBrowser, resolveBrowser } from '../core/browser.ts';
import { CARD_MANIFEST, CARD_PDF_DIR, cardPdfName, sheetPdfName, type CardManifest } from './card-paths.ts';
import type { SheetPaper } from './card-sizes.ts';
import { measureCardFit, type CardFit } from './card-fit.ts';
import { makeStamp } from '../core/content-stamp.ts';
import { today } from '../core/dates.ts';
import { packageVersion } from '../core/package.ts';
import type { ContentProblem } from '../core/errors.ts';
import { displayPath } from '../core/paths.ts';
import { startStaticServer } from '../core/static-server.ts';
import { CARD_SIZE_NAMES, type CardSize } from './schema.ts';

const PARALLEL = 2;

export interface CardPdfOptions {
	/** The built site (its folder). */
	site: string;
	/** Where printed pages are kept between builds (config `cacheDir`); none: every page is printed. */
	cacheDir?: string | undefined;
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
	cacheDir,
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

	let resolved: ReturnType<typeof resolveBrowser>;
	try {
		resolved = resolveBrowser();
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

	// Every card at every size, then the sheets; each printed again only when its page changed (printCache).
	const jobs: PrintJob[] = [
		...manifest.cards.flatMap((card) =>
			CARD_SIZE_NAMES.map((size) => ({
				page: card.page,
				query: `?size=${size}`,
				card,
				size,
				pdf: cardPdfName(card.id, size),
			})),
		),
		...(Object.keys(manifest.sheets) as SheetPaper[]).map((paper) => ({
			page: manifest.sheets[paper].page,
			query: '',
			paper,
			pdf: sheetPdfName(paper),
		})),
	];
	const cache = printCache(cacheDir, resolved.executablePath, site);
	// Each page's key once: it reads and hashes the page's HTML.
	const keys = new Map(jobs.map((job) => [job, cache.keyOf(job)]));
	const printed = new Map<PrintJob, Printed>();
	for (const job of jobs) {
		const hit = cache.read(keys.get(job));
		if (hit) printed.set(job, hit);
	}
	const missing = jobs.filter((job) => !printed.has(job));
	// Chromium only when something must be printed (issue #21): a warm build with no card changed starts none.
	if (missing.length) {
		const server = await startStaticServer(site, 0, base);
		let browser: Browser | undefined;
		try {
			browser = await launchBrowser();
			// A fresh context with no service worker: the offline precache would otherwise download the whole site first.
			const context = await browser.newContext({ serviceWorkers: 'block' });
			// Two pages print at once: laying out and printing is mostly single-threaded in each renderer.
			const queue = [...missing];
			await Promise.all(
				Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
					const page = await context.newPage();
					await page.emulateMedia({ media: 'print', colorScheme: 'light' });
					for (let job = queue.shift(); job; job = queue.shift()) {
						const result = await printJob(page, `${server.url}${job.page}${job.query}`, job);
						printed.set(job, result);
						cache.write(keys.get(job), result);
					}
					await page.close();
				}),
			);
		} finally {
			await browser?.close();
			await server.close();
		}
	}

	cache.prune(new Set(keys.values()));
	const problems: ContentProblem[] = [];
	const expectedSheetPages = Math.ceil(manifest.cards.length / manifest.cardsPerSheet);
	for (const job of jobs) {
		const { pdf, pages, fits } = printed.get(job)!;
		fs.writeFileSync(path.join(target, job.pdf), pdf);
		if ('card' in job) {
			const { card, size } = job;
			const dims = manifest.sizes[size];
			const fit = fits[0];
			if (fit && (fit.overBottom || fit.overRight))
				problems.push(overflowProblem(contentDir, card, size, dims, fit.overBottom, fit.overRight));
			if (pages !== 1)
				problems.push({
					file: sourceOf(contentDir, card),
					field: `card "${card.id}" at ${size}`,
					message: `prints on ${pages} pages (${dims.width} × ${dims.height} mm); it must fit on one: shorten it`,
				});
		} else {
			const { paper } = job;
			for (const fit of fits) {
				const card = manifest.cards.find((c) => c.id === fit.id);
				if (card && (fit.overBottom || fit.overRight))
					problems.push(
						overflowProblem(contentDir, card, `${paper} sheet`, manifest.sizes.index, fit.overBottom, fit.overRight),
					);
			}
			if (pages !== expectedSheetPages)
				problems.push({
					file: path.join(contentDir, 'cards'),
					field: `${paper} sheet`,
					message: `prints on ${pages} pages, expected ${expectedSheetPages} (${manifest.cards.length} cards, ${manifest.cardsPerSheet} per sheet)`,
				});
		}
	}
	const written = jobs.length;
	const reused = jobs.length - missing.length;

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
		`${written} PDFs (${manifest.cards.length} cards × ${CARD_SIZE_NAMES.length} sizes, ${Object.keys(manifest.sheets).length} sheets) in ${CARD_PDF_DIR}/ (${((performance.now() - started) / 1000).toFixed(1)} s` +
			(reused ? `; ${reused} unchanged since they were printed today, not printed again)` : ')'),
	);

	return { written, problems: [] };
}

type Card = CardManifest['cards'][number];
type PrintJob = { page: string; query: string; pdf: string } & ({ card: Card; size: CardSize } | { paper: SheetPaper });

/** A printed page: the PDF, its page count, and how far each card on it runs past its box. */
interface Printed {
	pdf: Uint8Array;
	pages: number;
	fits: CardFit[];
}

async function printJob(page: Page, url: string, job: PrintJob): Promise<Printed> {
	await page.goto(url, { waitUntil: 'load' });
	const selector = 'card' in job ? `.card[data-card-id="${job.card.id}"]` : '.sheet .card';
	if ('card' in job)
		await page.waitForSelector(`.card.size-${job.size}[data-card-id="${job.card.id}"]`, {
			state: 'attached',
			timeout: 10_000,
		});
	const fits = await page.evaluate(measureCardFit, selector);
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	// Node's own require: see launchBrowser (src/core/browser.ts).
	const { PDFDocument } = createRequire(import.meta.url)('pdf-lib') as typeof import('pdf-lib');
	const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
	return { pdf, pages, fits };
}

/**
 * Printed pages kept between builds, by what they print from: the page's built HTML (which names its stylesheets and
 * scripts by content hash) less its build time, the size asked for, the browser, and the day (a card shows the day it
 * was printed). So a reused PDF carries the build time of the build that printed it, with the same content commit.
 * Measured on the handbook: printing its 11 cards × 2 sizes and 2 sheets was 5 to 9 s of every build, and Chromium's
 * start one more second, for cards that had not changed.
 */
function printCache(cacheDir: string | undefined, browser: string, site: string) {
	const dir = cacheDir ? path.join(cacheDir, 'card-pdfs') : undefined;
	const file = (key: string, ext: 'pdf' | 'json') => path.join(dir!, `${key}.${ext}`);
	return {
		keyOf(job: PrintJob): string | undefined {
			const html = path.join(site, job.page, 'index.html');
			if (!dir || !fs.existsSync(html)) return undefined;
			return createHash('sha256')
				.update(JSON.stringify([packageVersion, browser, today(), job.page, job.query]))
				.update(withoutBuildTime(fs.readFileSync(html, 'utf8')))
				.digest('hex');
		},
		read(key: string | undefined): Printed | undefined {
			if (!key) return undefined;
			try {
				const meta = JSON.parse(fs.readFileSync(file(key, 'json'), 'utf8')) as Omit<Printed, 'pdf'>;
				return { ...meta, pdf: fs.readFileSync(file(key, 'pdf')) };
			} catch {
				return undefined;
			}
		},
		write(key: string | undefined, printed: Printed): void {
			if (!key) return;
			fs.mkdirSync(dir!, { recursive: true });
			// The PDF first, its description last: a description is only ever read beside a whole PDF.
			fs.writeFileSync(file(key, 'pdf'), printed.pdf);
			const { pdf: _, ...meta } = printed;
			fs.writeFileSync(file(key, 'json'), JSON.stringify(meta));
		},
		/** Removes what this build's pages no longer print from (older days, changed cards): the folder stays small. */
		prune(keep: Set<string | undefined>): void {
			if (!dir || !fs.existsSync(dir)) return;
			for (const name of fs.readdirSync(dir))
				if (!keep.has(name.replace(/\.(pdf|json)$/, ''))) fs.rmSync(path.join(dir, name), { force: true });
		},
	};
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

/** The page's HTML without the build time of its content stamp (src/core/content-stamp.ts), in either of its forms. */
export function withoutBuildTime(html: string): string {
	const builtAt = /class="content-stamp"[^>]*>[\s\S]*?<time datetime="([^"]+)"/.exec(html)?.[1];
	const built = builtAt ? new Date(builtAt) : undefined;
	if (!builtAt || !built || Number.isNaN(built.getTime())) return html;
	return html.replaceAll(builtAt, '').replaceAll(makeStamp('', built).builtAtText, '');
}
