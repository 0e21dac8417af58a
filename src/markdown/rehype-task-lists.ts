/**
 * GFM task list items come out as a bare checkbox followed by text, which screen readers announce as an unlabelled
 * checkbox. This wraps the item's text in a <label> tied to the checkbox, numbering ids per page.
 */
import type { Root, Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';

const BLOCKS = new Set(['ul', 'ol', 'pre', 'div', 'table', 'blockquote', 'p']);

export function rehypeTaskLists() {
	return (tree: Root) => {
		let count = 0;
		visit(tree, 'element', (node: Element) => {
			const index = node.children.findIndex((c) => c.type === 'element' && c.tagName === 'input' && c.properties?.type === 'checkbox');
			if (index === -1) return;
			const input = node.children[index] as Element;
			const id = `task-${++count}`;
			input.properties = { ...input.properties, id };
			// The label takes the inline content after the checkbox, up to the first block (a nested list, a code block).
			let end = index + 1;
			while (end < node.children.length && !isBlock(node.children[end]!)) end++;
			const label: Element = { type: 'element', tagName: 'label', properties: { htmlFor: [id] }, children: node.children.slice(index + 1, end) };
			node.children.splice(index + 1, end - index - 1, label);
		});
	};
}

function isBlock(node: ElementContent): boolean {
	return node.type === 'element' && BLOCKS.has(node.tagName);
}
