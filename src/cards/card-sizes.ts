/**
 * Printed sizes, in millimetres: Chromium ignores named page sizes such as `A6` in `@page size`, so every size is
 * given as numbers, here once, for the stylesheet's custom properties, the pages and the PDF command.
 */
import type { CardSize } from './schema.ts';

export interface PaperSize {
	label: string;
	width: number;
	height: number;
}

export const CARD_SIZES: Record<CardSize, PaperSize> = {
	index: { label: 'Index card 5 × 3 in', width: 127, height: 76 },
	a6: { label: 'A6', width: 105, height: 148 },
};

export type SheetPaper = 'a4' | 'letter';

/**
 * Sheets: index-size cards, two by two, on landscape paper with cut marks in the margins. Landscape is the only way
 * two 127 mm cards fit side by side on either paper; A6 cards would need the whole A4 sheet, with no margin for the
 * printer or for cut marks.
 */
export const SHEET_PAPERS: Record<SheetPaper, PaperSize & { name: string }> = {
	a4: { name: 'A4', label: 'A4 (landscape, 4 index cards per sheet)', width: 297, height: 210 },
	letter: { name: 'US Letter', label: 'US Letter (landscape, 4 index cards per sheet)', width: 279.4, height: 215.9 },
};

export const SHEET_COLUMNS = 2;
export const SHEET_ROWS = 2;
export const CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS;

export function mm(n: number): string {
	return `${Number(n.toFixed(2))}mm`;
}

/** Group items into sheets of CARDS_PER_SHEET. */
export function intoSheets<T>(items: T[]): T[][] {
	const sheets: T[][] = [];
	for (let i = 0; i < items.length; i += CARDS_PER_SHEET) sheets.push(items.slice(i, i + CARDS_PER_SHEET));
	return sheets;
}
