/**
 * Wraps every code block with a copy button. The button ships `hidden` and the small copy script reveals it,
 * so a reader without JavaScript never sees a button that does nothing. The block is focusable because it
 * scrolls sideways on a phone, and keyboard users must be able to scroll it too.
 */
import type { Root, Element } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

export function rehypeCodeBlocks() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'pre' || !parent || index === undefined) return;
			const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
			const language = String((code?.properties?.className as string[] | undefined)?.find((c) => c.startsWith('language-'))?.slice(9) ?? '');
			node.properties = { ...node.properties, tabIndex: 0, ...(language ? { dataLanguage: language } : {}) };
			const wrapper: Element = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['code-block'] },
				children: [
					node,
					{
						type: 'element',
						tagName: 'button',
						properties: { type: 'button', className: ['copy-code'], hidden: true, dataPagefindIgnore: '' },
						children: [{ type: 'text', value: 'Copy' }],
					},
				],
			};
			parent.children[index] = wrapper;
			return SKIP;
		});
	};
}
