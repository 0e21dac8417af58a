/**
 * The shell every page shares: layout, navigation, theme, table of contents, the document and section routes, and the
 * rehype plugins that shape every document (heading links, scrollable code blocks, base-aware links).
 */
import type { ResolvedConfig } from '../core/config.ts';
import { route } from '../core/routes.ts';
import { rehypeBaseLinks } from './markdown/rehype-base-links.ts';
import { rehypeCodeBlocks } from './markdown/rehype-code-blocks.ts';
import { rehypeHeadingLinks } from './markdown/rehype-heading-links.ts';
import { rehypeSteps } from './markdown/rehype-steps.ts';

export const shellRoutes = [
	route('/', './routes/index.astro', import.meta.url),
	route('/404', './routes/404.astro', import.meta.url),
	route('/[section]/[...page]', './routes/[section]/[...page].astro', import.meta.url),
	route('/[...id]', './routes/[...id].astro', import.meta.url),
];

/**
 * In pipeline order, after rehypeHeadingIds; the checklist plugin goes between code blocks and base links (the
 * integration splices it in at index 4 of its list, so new plugins go at the end). Steps and callouts come last: they
 * wrap numbered steps in sections, after every other plugin has seen the document's own structure.
 */
export function shellRehypePlugins(site: ResolvedConfig): unknown[] {
	return [rehypeHeadingLinks, rehypeCodeBlocks, [rehypeBaseLinks, { base: site.base }], rehypeSteps];
}
