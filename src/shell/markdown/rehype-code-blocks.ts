/**
 * Makes every code block keyboard-scrollable (it scrolls sideways on a phone, and keyboard users must be able to
 * scroll it too) and records its language. The copy button is not in the HTML: src/shell/client/copy-code.ts adds it,
 * so a reader without JavaScript never sees a button that does nothing, and the button's markup (about 1.5 KB on
 * a typical runbook) is not paid again by every page of the offline precache.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeCodeBlocks() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			if (node.tagName !== 'pre') return;
			const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
			const language = String(
				(code?.properties?.className as string[] | undefined)?.find((c) => c.startsWith('language-'))?.slice(9) ?? '',
			);
			node.properties = { ...node.properties, tabIndex: 0, ...(language ? { dataLanguage: language } : {}) };
		});
	};
}
