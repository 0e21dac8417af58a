/**
 * The card sources (content/cards/*.mdx), read outside Astro for the pre-build check. Kept apart from
 * content-files.ts, whose listing is the documents only (cards are not documents: no page in a section, no search).
 */
import fs from 'node:fs';
import path from 'node:path';

export const CARDS_FOLDER = 'cards';

export function listCardFiles(dir: string): string[] {
	const root = path.join(dir, CARDS_FOLDER);
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.mdx'))
		.map((d) => path.join(root, d.name))
		.sort();
}
