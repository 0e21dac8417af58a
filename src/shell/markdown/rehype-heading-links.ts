/**
 * Gives h2-h4 a visible "#" link to their own anchor, so a responder can paste a link to the exact step.
 * Must run after rehypeHeadingIds (which assigns the ids).
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

const LINKED = new Set(['h2', 'h3', 'h4']);

export function rehypeHeadingLinks() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			const id = node.properties?.id;
			if (!LINKED.has(node.tagName) || typeof id !== 'string') return;
			node.children.push({
				type: 'element',
				tagName: 'a',
				// The name comes from aria-label, so the visible "#" needs no wrapper of its own: one element per heading.
				properties: {
					className: ['heading-anchor'],
					href: `#${id}`,
					ariaLabel: 'Link to this section',
					dataPagefindIgnore: '',
				},
				children: [{ type: 'text', value: '#' }],
			});
		});
	};
}
