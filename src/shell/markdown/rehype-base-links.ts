/**
 * Authors link to other pages site-absolutely (`/runbooks/rollback/`). When the site is hosted under a sub-path,
 * those links must carry it; this adds the base to every such href so documents never need to know where they are hosted.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';
import { prefixBase } from '../../core/base-path.ts';

export function rehypeBaseLinks(options: { base: string }) {
	return (tree: Root) => {
		if (options.base === '/') return;
		visit(tree, 'element', (node: Element) => {
			const href = node.properties?.href;
			if (typeof href === 'string') node.properties.href = prefixBase(href, options.base);
		});
	};
}
