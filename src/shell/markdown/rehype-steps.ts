/**
 * Classes for what runbooks already write by convention, so global.css can give each its own look (an icon and the
 * author's own words as the label, never colour alone). Nothing is added to the text: search, copy and print read
 * what the author wrote.
 *
 *   > **Destructive — …** or > **Service-disrupting …**   blockquote.callout.callout-destructive
 *   > **Needs approval …** (or Requires approval, Approval …)  blockquote.callout.callout-approval
 *   a paragraph starting **Expected…**                       p.step-expected
 *   a paragraph starting **If not…**                         p.step-if-not
 *   the same labels inside a sentence or a list item         strong.label-expected / strong.label-if-not
 *   ### 4. Roll back the deployment (a numbered h3 at the top level of the document)
 *       <section class="step"> around the heading and everything up to the next h2/h3, with the number in a badge:
 *       <span class="step-num">4<span class="sr-only">. </span></span>. On a phone the heading sticks to the top of
 *       the screen while its step is being read (the section bounds it), so a reader deep in a long step's commands
 *       still sees which step they are in.
 *
 * Runs after rehypeHeadingIds, so ids and the contents list are computed from the headings as written.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

const DESTRUCTIVE = /^(destructive|service-disrupting)\b/i;
const APPROVAL = /^((needs|requires) approval|approval)\b/i;
const EXPECTED = /^expected\b/i;
const IF_NOT = /^if not\b/i;
const STEP = /^(\d+)\.\s+/;

function text(node: ElementContent | RootContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(text).join('') : '';
}

/** The first child that is not whitespace. */
function first(node: Element): ElementContent | undefined {
	return node.children.find((c) => !(c.type === 'text' && !c.value.trim()));
}

function addClass(node: Element, name: string): void {
	const current = node.properties.className;
	node.properties.className = [
		...(Array.isArray(current) ? current : current ? [String(current)] : []),
		name,
	] as string[];
}

function isElement(node: ElementContent | RootContent | undefined, tag?: string): node is Element {
	return node?.type === 'element' && (!tag || node.tagName === tag);
}

function labelOf(strong: Element): 'expected' | 'if-not' | undefined {
	const t = text(strong).trim();
	return EXPECTED.test(t) ? 'expected' : IF_NOT.test(t) ? 'if-not' : undefined;
}

function markCallouts(tree: Root): void {
	const leading = new Set<Element>();
	visit(tree, 'element', (node: Element) => {
		if (node.tagName === 'blockquote') {
			const p = first(node);
			const strong = isElement(p, 'p') ? first(p) : undefined;
			if (!isElement(strong, 'strong')) return;
			const t = text(strong).trim();
			const kind = DESTRUCTIVE.test(t) ? 'destructive' : APPROVAL.test(t) ? 'approval' : undefined;
			if (kind) {
				addClass(node, 'callout');
				addClass(node, `callout-${kind}`);
			}
		} else if (node.tagName === 'p') {
			const strong = first(node);
			const label = isElement(strong, 'strong') ? labelOf(strong) : undefined;
			if (label && isElement(strong)) {
				addClass(node, `step-${label}`);
				leading.add(strong);
			}
		}
	});
	visit(tree, 'element', (node: Element) => {
		if (node.tagName !== 'strong' || leading.has(node)) return;
		const label = labelOf(node);
		if (label) addClass(node, `label-${label}`);
	});
}

function stepNumber(heading: Element): boolean {
	const head = heading.children[0];
	const m = head?.type === 'text' ? STEP.exec(head.value) : null;
	if (!m || head?.type !== 'text') return false;
	heading.children.splice(0, 1, {
		type: 'element',
		tagName: 'span',
		properties: { className: ['step-num'] },
		children: [
			{ type: 'text', value: m[1]! },
			{
				type: 'element',
				tagName: 'span',
				properties: { className: ['sr-only'] },
				children: [{ type: 'text', value: '. ' }],
			},
		],
	});
	const rest = head.value.slice(m[0].length);
	if (rest) heading.children.splice(1, 0, { type: 'text', value: rest });
	return true;
}

function wrapSteps(tree: Root): void {
	const out: RootContent[] = [];
	let step: Element | undefined;
	for (const node of tree.children) {
		const heading = isElement(node) && /^h[1-3]$/.test(node.tagName);
		if (heading) step = undefined;
		if (heading && node.tagName === 'h3' && stepNumber(node)) {
			step = { type: 'element', tagName: 'section', properties: { className: ['step'] }, children: [] };
			out.push(step);
		}
		if (step) step.children.push(node as ElementContent);
		else out.push(node);
	}
	tree.children = out;
}

export function rehypeSteps() {
	return (tree: Root) => {
		markCallouts(tree);
		wrapSteps(tree);
	};
}
