/** The task-list plugin: labels, the build-time keys interactive checklists store ticks under, and their bars. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root, Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { rehypeTaskLists } from '../../src/checklists/rehype-task-lists.ts';

const el = (tagName: string, properties: Element['properties'], ...children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
const box = () => el('input', { type: 'checkbox', disabled: true });
const item = (label: string, ...rest: Element[]) =>
	el('li', { className: ['task-list-item'] }, box(), text(` ${label}`), ...rest);
const list = (...items: Element[]) => el('ul', { className: ['contains-task-list'] }, ...items);
const h2 = (label: string, id: string) =>
	el('h2', { id }, text(label), el('a', { className: ['heading-anchor'], href: `#${id}` }, text('#')));

const PHASES = [
	{ id: 'pre-checks', title: 'Pre-deployment verification', minutes: 15 },
	{ id: 'canary', title: 'Canary and bake', minutes: 20 },
];

function run(children: ElementContent[], frontmatter: Record<string, unknown> = { title: 'Deployment checklist' }) {
	const tree: Root = { type: 'root', children };
	const file = new VFile({
		path: '/site/content/procedures/deployment-checklist.mdx',
		data: { astro: { frontmatter } },
	});
	rehypeTaskLists({ contentDir: '/site/content' })(tree, file);
	return { tree, frontmatter };
}

const lists = (tree: Root) => tree.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'ul');

test('items get a label tied to their checkbox and stay disabled', () => {
	const { tree } = run([list(item('Backups verified'))]);
	const li = lists(tree)[0]!.children[0] as Element;
	const [input, label] = li.children as Element[];
	assert.equal(input!.properties.id, 'task-1');
	assert.equal(input!.properties.disabled, true);
	assert.equal(label!.tagName, 'label');
	assert.deepEqual(label!.properties.htmlFor, ['task-1']);
});

test('each outermost task list is one checklist with document, position, hash, section and phase', () => {
	const { tree, frontmatter } = run(
		[
			h2('Pre-deployment verification', 'pre-deployment-verification'),
			list(item('Pods healthy', list(item('Nested step')))),
			h2('2. Canary', '2-canary'),
			list(item('Canary deployed')),
		],
		{ title: 'Deployment checklist', phases: PHASES },
	);
	const [first, second] = lists(tree);
	assert.equal(first!.properties.dataChecklist, '0');
	assert.equal(second!.properties.dataChecklist, '1');
	assert.equal(first!.properties.dataChecklistDoc, 'procedures/deployment-checklist');
	assert.equal(first!.properties.dataDocTitle, 'Deployment checklist');
	assert.equal(first!.properties.dataChecklistTitle, 'Pre-deployment verification');
	assert.equal(first!.properties.dataPhase, 'pre-checks', 'heading text contains the phase title');
	assert.equal(second!.properties.dataPhase, 'canary', 'heading slug ends with the phase id');
	assert.deepEqual(JSON.parse(String(first!.properties.dataDocPhases)), PHASES);
	assert.match(String(first!.properties.dataChecklistHash), /^[0-9a-f]{12}$/);
	// The nested list belongs to the outer checklist: it gets no keys of its own, but its item does.
	const nested = (first!.children[0] as Element).children.find(
		(c) => c.type === 'element' && c.tagName === 'ul',
	) as Element;
	assert.equal(nested.properties.dataChecklist, undefined);
	assert.match(String((nested.children[0] as Element).properties.dataItem), /^[0-9a-f]{8}$/);
	assert.equal(frontmatter.checklists, 2, 'the page is told it has checklists');
});

test('the hash follows the item texts: same texts, same hash; an edited item, another hash', () => {
	const hash = (labels: string[]) =>
		String(lists(run([list(...labels.map((l) => item(l)))]).tree)[0]!.properties.dataChecklistHash);
	assert.equal(hash(['A', 'B']), hash(['A', 'B']));
	assert.notEqual(hash(['A', 'B']), hash(['A', 'B changed']));
	assert.notEqual(hash(['A', 'B']), hash(['B', 'A']));
});

test('duplicate item texts get distinct keys; no checklists, no frontmatter flag', () => {
	const { tree } = run([list(item('Check'), item('Check'))]);
	const keys = lists(tree)[0]!.children.map((li) => (li as Element).properties.dataItem);
	assert.equal(new Set(keys).size, 2);
	const plain = run([el('p', {}, text('No lists here'))]);
	assert.equal(plain.frontmatter.checklists, undefined);
});

test('loose lists (text in a paragraph) hash the same texts and label the box inside the paragraph', () => {
	const loose = (label: string) => el('li', { className: ['task-list-item'] }, el('p', {}, box(), text(` ${label}`)));
	const tight = lists(run([list(item('One'), item('Two'))]).tree)[0]!;
	const { tree } = run([list(loose('One'), loose('Two'))]);
	const ul = lists(tree)[0]!;
	assert.equal(ul.properties.dataChecklistHash, tight.properties.dataChecklistHash);
	const p = (ul.children[0] as Element).children[0] as Element;
	assert.equal((p.children[1] as Element).tagName, 'label');
});

test('each checklist gets its bar in a template just before it, for the markup of .md and of MDX alike', () => {
	const { tree } = run([
		h2('Pre-deployment verification', 'pre-deployment-verification'),
		list(item('Pods healthy'), item('Backups verified', list(item('Nested step')))),
		list(item('Second list')),
	]);
	const [, bar, checklist, secondBar, secondChecklist] = tree.children as Element[];
	assert.deepEqual(
		[bar, checklist, secondBar, secondChecklist].map((n) => n!.tagName),
		['template', 'ul', 'template', 'ul'],
		'one bar per outermost list, none for the nested one',
	);
	assert.equal(bar!.properties.dataChecklistBar, '');
	// MDX writes a template's children, hast-util-to-html its content: both hold the same bar.
	assert.equal(bar!.content?.children[0], bar!.children[0]);
	const html = toHtml(tree);
	assert.match(html, /<template data-checklist-bar="" data-pagefind-ignore=""><div class="checklist-bar"/);
	assert.match(html, /aria-label="Checklist Pre-deployment verification"/);
	assert.match(html, /<p class="checklist-progress" aria-live="polite">0 of 3 done<\/p>/);
	assert.match(html, /data-action="copy" aria-label="Copy progress as Markdown: “Pre-deployment verification”"/);
	assert.match(html, /data-action="reset" aria-label="Reset “Pre-deployment verification”"/);
	assert.equal(html.match(/<template/g)?.length, 2);
	// With no heading above it, a checklist is named by its position on the page.
	assert.match(toHtml(run([list(item('Alone'))]).tree), /aria-label="Checklist 1".*aria-label="Reset this checklist"/s);
});
