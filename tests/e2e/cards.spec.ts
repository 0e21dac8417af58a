/**
 * Quick-reference cards against the real built site (OPSBOOK_OUT_DIR, built by `npm run build`, which also printed
 * the PDFs), plus fixture sites (tests/fixtures/cards) for the overflow failure and a sub-path build.
 */
import { siteContentDir, siteOutDir, siteBase } from '../support/site.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { PDFDocument } from 'pdf-lib';
import {
	CARD_MANIFEST,
	CARD_PDF_DIR,
	cardPdfName,
	sheetPdfName,
	type CardManifest,
} from '../../src/cards/card-paths.ts';
import { listCardFiles } from '../../src/cards/card-files.ts';
import { loadFacts } from '../../src/facts/facts.ts';

import { CARD_SIZE_NAMES } from '../../src/cards/schema.ts';
import { buildSite, makeFixture, projectOf } from '../support/fixture-site.ts';
import { startStaticServer } from '../support/static-server.ts';

const site = siteOutDir;
const manifest = JSON.parse(fs.readFileSync(path.join(site, CARD_MANIFEST), 'utf8')) as CardManifest;
const facts = loadFacts(siteContentDir).facts;
const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const MM_TO_PT = 72 / 25.4;

/**
 * Screenshot the rendered QR code and decode the picture with jsQR, as a phone camera would. The decoding runs in a
 * blank page: the site's Content-Security-Policy (rightly) refuses injected scripts.
 */
async function decodeQr(page: Page, qr: Locator): Promise<string | null> {
	const png = (await qr.screenshot({ scale: 'device' })).toString('base64');
	const scratch = await page.context().newPage();
	try {
		await scratch.addScriptTag({ path: JSQR });
		return await scratch.evaluate(async (data) => {
			const image = new Image();
			image.src = `data:image/png;base64,${data}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.naturalWidth;
			canvas.height = image.naturalHeight;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
			const jsQR = (
				window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
			).jsQR;
			return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
		}, png);
	} finally {
		await scratch.close();
	}
}

async function pdfPages(file: string): Promise<Array<{ width: number; height: number }>> {
	const pdf = await PDFDocument.load(fs.readFileSync(file));
	return pdf.getPages().map((p) => p.getSize());
}

test('at least eight cards are built, one per file in content/cards/', () => {
	const ids = listCardFiles(siteContentDir).map((f) => path.basename(f, '.mdx'));
	expect(manifest.cards.map((c) => c.id).sort()).toEqual(ids.sort());
	expect(ids.length).toBeGreaterThanOrEqual(8);
});

test('the cards page lists every card at its default size, with a size picker and a print button', async ({ page }) => {
	await page.goto('cards/');
	const cards = page.locator('.cards-list .card');
	await expect(cards).toHaveCount(manifest.cards.length);
	for (const card of manifest.cards)
		await expect(page.locator(`.card[data-card-id="${card.id}"]`)).toHaveClass(
			new RegExp(`\\bsize-${card.defaultSize}\\b`),
		);
	await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

	const picker = page.getByRole('group', { name: 'Card size' });
	await picker.getByRole('radio', { name: /^A6/ }).check();
	await expect(page.locator('.cards-list .card.size-a6')).toHaveCount(manifest.cards.length);
	expect(new URL(page.url()).searchParams.get('size')).toBe('a6');
	const box = await cards.first().boundingBox();
	expect(box!.width).toBeCloseTo((105 / 25.4) * 96, 0);
	expect(box!.height).toBeCloseTo((148 / 25.4) * 96, 0);

	await picker.getByRole('radio', { name: /^Index card/ }).check();
	await expect(page.locator('.cards-list .card.size-index')).toHaveCount(manifest.cards.length);
	await page.reload();
	await expect(page.locator('.cards-list .card.size-index')).toHaveCount(manifest.cards.length);
	await picker.getByRole('radio', { name: "Each card's default" }).check();
	for (const card of manifest.cards)
		await expect(page.locator(`.card[data-card-id="${card.id}"]`)).toHaveClass(
			new RegExp(`\\bsize-${card.defaultSize}\\b`),
		);
});

test('without JavaScript every card shows at its default size and no dead controls', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('cards/');
	for (const card of manifest.cards)
		await expect(page.locator(`.card[data-card-id="${card.id}"]`)).toHaveClass(
			new RegExp(`\\bsize-${card.defaultSize}\\b`),
		);
	await expect(page.getByRole('group', { name: 'Card size' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
	test(`the card pages have no serious accessibility violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		for (const url of ['cards/', manifest.cards[0]!.page, 'cards/sheet/a4/']) {
			await page.goto(url);
			expect(await seriousViolations(page, { prefix: `${url} ` })).toEqual([]);
		}
	});
}

test('the cards page is linked from the navigation and the home page', async ({ page }) => {
	await page.goto('./');
	await expect(page.locator('nav.site-nav').getByRole('link', { name: 'Printable cards' })).toHaveAttribute(
		'href',
		/\/cards\/$/,
	);
	await page.locator('ul.doc-list').getByRole('link', { name: 'Quick-reference cards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quick-reference cards' })).toBeVisible();
});

test('each card page shows the title, severity band, review date, content version and a QR code to its document', async ({
	page,
}) => {
	test.setTimeout(300_000);
	for (const card of manifest.cards) {
		await page.goto(card.page);
		const element = page.locator(`.card[data-card-id="${card.id}"]`);
		await expect(element.getByRole('heading', { level: 1, name: card.title })).toBeVisible();
		const sourceDoc = card.url.replace(`${facts.site.url.replace(/\/$/, '')}${siteBase}`, '');
		// The review date is the summarised document's lastReviewed, as its own page shows it.
		const docPage = await page.request.get(sourceDoc);
		expect(docPage.status(), `${card.id}: ${sourceDoc}`).toBe(200);
		const reviewed = /Last reviewed<\/dt><dd[^>]*>(\d{4}-\d{2}-\d{2})/.exec(await docPage.text())?.[1];
		await expect(element.locator('.card-version time')).toHaveText(reviewed!);
		await expect(element.locator('[data-content-version]')).toHaveText(/^([0-9a-f]{4,40}|uncommitted)$/);

		expect(card.url).toBe(`${facts.site.url.replace(/\/$/, '')}${siteBase}${sourceDoc}`);
		expect(await decodeQr(page, element.locator('.card-qr svg')), `QR code of card "${card.id}"`).toBe(card.url);
	}
});

test('a severity card carries its level colour as a band, in print too', async ({ page }) => {
	const severe = manifest.cards.find((c) =>
		fs.readFileSync(path.join(siteContentDir, c.file), 'utf8').match(/^severity: (SEV\d)/m),
	);
	test.skip(!severe, 'no card with a severity');
	const level = /^severity: (SEV\d)/m.exec(fs.readFileSync(path.join(siteContentDir, severe!.file), 'utf8'))![1]!;
	const colour = facts.severities.find((s) => s.id === level)!.color;
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
	await page.goto(severe!.page);
	await page.emulateMedia({ media: 'print' });
	const band = page.locator('.card-band');
	await expect(band).toHaveText(new RegExp(`^${level} · `));
	await expect(band).toHaveCSS('background-color', `rgb(${r}, ${g}, ${b})`);
});

test('every card PDF at every size is exactly one page of that size', async () => {
	const dir = path.join(site, CARD_PDF_DIR);
	expect(fs.existsSync(dir), `${dir}: build with a Chromium available (npm run build) to print the cards`).toBe(true);
	for (const card of manifest.cards) {
		for (const size of CARD_SIZE_NAMES) {
			const pages = await pdfPages(path.join(dir, cardPdfName(card.id, size)));
			expect(pages.length, `${card.id} at ${size}`).toBe(1);
			expect(pages[0]!.width / MM_TO_PT).toBeCloseTo(manifest.sizes[size].width, 0);
			expect(pages[0]!.height / MM_TO_PT).toBeCloseTo(manifest.sizes[size].height, 0);
		}
	}
});

test('sheet PDFs hold four index cards per landscape page, with cut marks', async ({ page }) => {
	const expected = Math.ceil(manifest.cards.length / manifest.cardsPerSheet);
	for (const [paper, sheet] of Object.entries(manifest.sheets)) {
		const pages = await pdfPages(path.join(site, CARD_PDF_DIR, sheetPdfName(paper as 'a4' | 'letter')));
		expect(pages.length, `${paper} sheets`).toBe(expected);
		for (const p of pages) {
			expect(p.width / MM_TO_PT).toBeCloseTo(sheet.width, 0);
			expect(p.height / MM_TO_PT).toBeCloseTo(sheet.height, 0);
		}
		await page.goto(sheet.page);
		await expect(page.locator('.sheet')).toHaveCount(expected);
		await expect(page.locator('.sheet .card.size-index')).toHaveCount(manifest.cards.length);
		for (const marks of await page.locator('.sheet .cut-marks').all())
			expect(await marks.locator('line').count()).toBe(12);
	}
});

test('without a Chromium the build skips the PDFs with one line, the command fails with the fix', () => {
	const run = (...extra: string[]) =>
		spawnSync(process.execPath, ['bin/opsbook.js', 'cards', '--dir', site, ...extra], {
			encoding: 'utf8',
			env: { ...process.env, OPSBOOK_CHROMIUM: '/nonexistent/chromium' },
		});
	const skipped = run('--if-browser');
	expect(skipped.status).toBe(0);
	expect(skipped.stdout.trim()).toBe(
		'card PDFs: skipped: No Chromium found at OPSBOOK_CHROMIUM=/nonexistent/chromium (no executable there). Install one (see README, Prerequisites), then run opsbook cards.',
	);
	const failed = run();
	expect(failed.status).toBe(1);
	expect(failed.stderr).toContain('apt-get install -y chromium');
	// Nothing was deleted: the PDFs of the last successful run are still there.
	expect(fs.existsSync(path.join(site, CARD_PDF_DIR, cardPdfName(manifest.cards[0]!.id, 'index')))).toBe(true);
});

test.describe('fixture sites', () => {
	test.describe.configure({ mode: 'serial' });

	const LONG = `---
title: Deploy the fixture
summarises: runbooks/deploy
audience: [on-call-engineer]
defaultSize: index
---

${Array.from({ length: 40 }, (_, i) => `${i + 1}. Check health step ${i + 1}: \`curl -fsS https://{facts.environments.production.apiHost}{facts.service.healthPath}\``).join('\n')}
`;

	test('a card made too long fails the PDF command, and the build, naming the card and the size', () => {
		test.setTimeout(240_000);
		const dir = makeFixture('cards', { 'cards/deploy.mdx': LONG });
		const built = buildSite(dir, undefined, { OPSBOOK_CARD_PDFS: 'off' });
		expect(built.status, built.output).toBe(0);
		expect(built.output).toContain('card PDFs: skipped (OPSBOOK_CARD_PDFS=off)');

		const command = spawnSync(
			process.execPath,
			['bin/opsbook.js', 'cards', '--root', projectOf(dir), '--dir', built.outDir],
			{
				encoding: 'utf8',
				env: { ...process.env, NO_COLOR: '1' },
			},
		);
		const output = `${command.stdout}\n${command.stderr}`;
		expect(command.status, output).toBe(1);
		expect(output).toMatch(
			/cards\/deploy\.mdx card "deploy" at index: does not fit on one 127 × 76 mm page: content runs [\d.]+ mm past the bottom/,
		);
		expect(output).toMatch(/cards\/deploy\.mdx card "deploy" at a6: does not fit on one 105 × 148 mm page/);
		expect(output).not.toMatch(/card "escalate"/);

		const rebuilt = buildSite(dir, built.outDir);
		expect(rebuilt.status).not.toBe(0);
		expect(rebuilt.output).toMatch(/cards\/deploy\.mdx card "deploy" at index: does not fit/);
		expect(rebuilt.output).toContain(`The previous site in`);
		expect(fs.existsSync(path.join(built.outDir, 'index.html'))).toBe(true);
	});

	test('under a sub-path the build prints one-page PDFs and QR codes carry the base path', async ({ page }) => {
		test.setTimeout(240_000);
		const build = buildSite(makeFixture('cards'), undefined, { OPSBOOK_BASE: '/ops/' });
		expect(build.status, build.output).toBe(0);
		expect(build.output).toMatch(/card PDFs: 6 PDFs \(2 cards × 2 sizes, 2 sheets\)/);
		for (const name of ['deploy-index.pdf', 'deploy-a6.pdf', 'escalate-index.pdf', 'escalate-a6.pdf']) {
			expect((await pdfPages(path.join(build.outDir, CARD_PDF_DIR, name))).length, name).toBe(1);
		}
		const server = await startStaticServer(build.outDir, 0, '/ops/');
		try {
			await page.goto(`${server.url}cards/escalate/`);
			expect(await decodeQr(page, page.locator('.card-qr svg'))).toBe(
				'https://fixture.example.com/ops/procedures/escalate/',
			);
			await expect(page.locator('.card-source a')).toHaveAttribute('href', '/ops/procedures/escalate/');
		} finally {
			await server.close();
		}
	});
});
