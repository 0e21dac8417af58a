/**
 * Placeholders in code blocks (`<pod>`, `${POD}`, `$NAMESPACE`) marked on the page, so a reader sees at once which
 * parts of a command to replace. The text is unchanged: the copy button copies the command exactly as written.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { findPlaceholders } from './placeholders.ts';

export function rehypePlaceholders() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, _index, parent) => {
			if (node.tagName !== 'code' || (parent as Element | undefined)?.tagName !== 'pre') return;
			const lang = languageOf(node);
			node.children = mergeText(node.children).flatMap((child) =>
				child.type === 'text' ? mark(child, lang) : [child],
			);
		});
	};
}

/**
 * Adjacent text nodes as one: a fact resolved in a code block is a text node of its own in the Markdown pipeline,
 * while MDX's rehype-raw (which runs first there) has merged it with its neighbours. Marked per node, a variable the
 * block assigns before the fact (`export CASE=…  # format {facts.x}` then `$CASE`) looked like a placeholder.
 */
function mergeText(children: ElementContent[]): ElementContent[] {
	const out: ElementContent[] = [];
	for (const child of children) {
		const previous = out.at(-1);
		if (child.type === 'text' && previous?.type === 'text')
			out[out.length - 1] = { ...previous, value: previous.value + child.value };
		else out.push(child);
	}
	return out;
}

function languageOf(code: Element): string | undefined {
	const classes: unknown = code.properties?.className;
	const list = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? classes.split(' ') : [];
	return list.find((c) => c.startsWith('language-'))?.slice('language-'.length);
}

function mark(text: Text, lang: string | undefined): ElementContent[] {
	const found = findPlaceholders(text.value, lang);
	if (!found.length) return [text];
	const out: ElementContent[] = [];
	let at = 0;
	for (const p of found) {
		if (p.start > at) out.push({ type: 'text', value: text.value.slice(at, p.start) });
		const value = text.value.slice(p.start, p.end);
		out.push({
			type: 'element',
			tagName: 'span',
			properties: { className: ['placeholder'], title: `replace ${value} with your value` },
			children: [{ type: 'text', value }],
		});
		at = p.end;
	}
	if (at < text.value.length) out.push({ type: 'text', value: text.value.slice(at) });
	return out;
}
