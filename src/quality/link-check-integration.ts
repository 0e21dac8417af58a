/**
 * After the build: every internal link and anchor must resolve, and no page may repeat an id. A failure names the
 * source document and the line where the link is written (or the page, for links made by components), then fails
 * the build, which `npm run build` turns into "previous site left intact".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { findBrokenLinks, findDuplicateIds, type BuiltPage } from './links.ts';
import { ContentError, type ContentProblem } from '../core/errors.ts';
import { SEARCH_BUNDLE_DIR } from '../core/search-bundle.ts';
import { builtFiles, pagePathOf } from '../core/site-files.ts';

export function linkCheckStep(site: ResolvedConfig, root: string, logger: AstroIntegrationLogger): void {
	const { base, contentDir } = site;
	const pages = htmlPages(root, base);
	const exists = (sitePath: string) => fs.existsSync(path.join(root, sitePath.slice(base.length)));
	const broken = findBrokenLinks(pages, base, exists);
	const problems: ContentProblem[] = broken.map((b) => ({
		...locate(contentDir, b.page, b.href, base),
		field: 'link',
		message: `"${b.href}": ${b.reason}`,
	}));
	for (const page of pages) {
		for (const id of findDuplicateIds(page)) {
			const where = locate(contentDir, page.path, `id="${id}"`, base);
			problems.push({ ...where, field: 'id', message: `id "${id}" appears more than once on ${page.path}` });
		}
	}
	if (problems.length) throw new ContentError(problems);
	logger.info(`${pages.length} pages: every internal link and anchor resolves`);
}

/** Every built page but Pagefind's (its files are not the site's pages). */
function htmlPages(root: string, base: string): BuiltPage[] {
	return builtFiles(root, { ext: '.html', skip: [SEARCH_BUNDLE_DIR] }).map((f) => ({
		path: pagePathOf(f, base),
		html: fs.readFileSync(path.join(root, f), 'utf8'),
	}));
}

/** The source of a page and the line where an href is written in it, best effort (links from facts have no line). */
function locate(contentDir: string, pagePath: string, href: string, base: string): { file: string; line?: number } {
	const id = pagePath.slice(base.length).replace(/\/$/, '');
	const source = path.join(contentDir, `${id}.mdx`);
	if (!fs.existsSync(source)) return { file: `(page ${pagePath})` };
	const text = fs.readFileSync(source, 'utf8').split('\n');
	const needle = href.startsWith(base) ? `/${href.slice(base.length)}` : href;
	const index = text.findIndex((l) => l.includes(needle) || l.includes(href));
	return index === -1 ? { file: source } : { file: source, line: index + 1 };
}
