/**
 * Where cards live in the built site, shared by the pages and the PDF command (which runs outside Astro, so nothing
 * here may import astro:content).
 */
import type { CardSize } from './schema.ts';
import type { SheetPaper } from './card-sizes.ts';

/** Folder of the PDFs inside the output folder: <out>/cards/pdf/. */
export const CARD_PDF_DIR = 'cards/pdf';
/** The list of built cards the PDF command prints (src/cards/routes/cards.json.ts). */
export const CARD_MANIFEST = 'cards/cards.json';

export function cardPath(id: string): string {
	return `cards/${id}/`;
}

export function sheetPath(paper: SheetPaper): string {
	return `cards/sheet/${paper}/`;
}

export function cardPdfName(id: string, size: CardSize): string {
	return `${id}-${size}.pdf`;
}

export function sheetPdfName(paper: SheetPaper): string {
	return `sheet-${paper}.pdf`;
}

export interface CardManifest {
	cards: Array<{ id: string; title: string; file: string; url: string; defaultSize: CardSize; page: string }>;
	sizes: Record<CardSize, { width: number; height: number }>;
	sheets: Record<SheetPaper, { width: number; height: number; page: string }>;
	cardsPerSheet: number;
}
