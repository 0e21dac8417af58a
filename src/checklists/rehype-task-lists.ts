/**
 * GFM task lists, made ready for interactive checklists.
 *
 * 1. Accessibility: GFM items come out as a bare checkbox followed by text, which screen readers announce as an
 *    unlabelled checkbox. The item's text is wrapped in a <label> tied to the checkbox (ids numbered per page).
 * 2. Identity: each outermost task list is one checklist. It gets stable keys computed here, at build time, so the
 *    browser can store ticks without any data file: the document id, its position on the page, a hash of its item
 *    texts (an edited checklist gets a new hash, so stale ticks are never applied silently), per-item keys, the
 *    section heading it sits under, and the timed phase that section belongs to (when the document declares `phases:`
 *    in its frontmatter, a section maps to the phase whose id is the heading's slug, or whose title the heading
 *    contains; see README "Checklists, incident sessions and environments").
 *
 * 3. Controls: each checklist's bar (progress, Copy, Reset) is written here, inside a <template> before the list, so
 *    it is inert without JavaScript (no buttons that cannot work) and the checklist loader only has to put it in place
 *    (client/checklist-loader.ts). The bar then has its final size before anyone touches the list: the checklist
 *    script, loaded on the first interaction, fills it in without moving the box under the reader's pointer.
 *
 * The boxes stay `disabled` and unticked in the HTML: without JavaScript and on paper they are empty boxes; the
 * checklist loader enables them. Pages with checklists get `checklists: <count>` in remarkPluginFrontmatter, so only
 * those pages load that loader.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Root, Element, ElementContent, Parents } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const BLOCKS = new Set(['ul', 'ol', 'pre', 'div', 'table', 'blockquote', 'p']);
const HEADINGS = new Set(['h2', 'h3', 'h4']);

export interface Phase {
	id: string;
	title: string;
	minutes: number;
}

export interface TaskListOptions {
	/** The content folder, to turn a file path into a document id. */
	contentDir: string;
}

export function rehypeTaskLists(options: TaskListOptions) {
	return (tree: Root, file: VFile) => {
		const frontmatter = astroFrontmatter(file);
		const docId = documentId(file, options.contentDir);
		const docTitle = typeof frontmatter?.title === 'string' ? frontmatter.title : docId;
		const phases = readPhases(frontmatter?.phases);
		let count = 0;
		let position = 0;
		let heading: { text: string; slug: string } | undefined;
		const nested = new Set<Element>();
		const bars: Array<{ parent: Parents; list: Element; bar: Element }> = [];

		// Document order (pre-order): the last heading seen names the section a checklist sits in, and an outer list is
		// visited before the lists nested in it.
		visit(tree, 'element', (node: Element, _index, parent) => {
			if (HEADINGS.has(node.tagName)) {
				heading = { text: headingText(node), slug: typeof node.properties?.id === 'string' ? node.properties.id : '' };
				return;
			}
			if (isTaskList(node) && !nested.has(node)) {
				markNested(node, nested);
				const items = taskItems(node);
				const texts = items.map(itemText);
				const phase = heading && phaseFor(heading, phases);
				if (parent) bars.push({ parent, list: node, bar: checklistBar(heading?.text ?? '', position, items.length) });
				node.properties = {
					...node.properties,
					dataChecklist: String(position++),
					dataChecklistDoc: docId,
					dataChecklistHash: shortHash(JSON.stringify(texts)),
					dataChecklistTitle: heading?.text ?? '',
					dataDocTitle: docTitle,
					...(phase ? { dataPhase: phase.id, dataPhaseTitle: phase.title } : {}),
					...(phases.length ? { dataDocPhases: JSON.stringify(phases) } : {}),
				};
				const seen = new Map<string, number>();
				items.forEach((item, i) => {
					const base = shortHash(texts[i]!).slice(0, 8);
					const n = (seen.get(base) ?? 0) + 1;
					seen.set(base, n);
					item.properties = { ...item.properties, dataItem: n === 1 ? base : `${base}-${n}` };
				});
			}
			const index = node.children.findIndex(isCheckbox);
			if (index === -1) return;
			const input = node.children[index] as Element;
			const id = `task-${++count}`;
			input.properties = { ...input.properties, id };
			// The label takes the inline content after the checkbox, up to the first block (a nested list, a code block).
			let end = index + 1;
			while (end < node.children.length && !isBlock(node.children[end]!)) end++;
			const label: Element = {
				type: 'element',
				tagName: 'label',
				properties: { htmlFor: [id] },
				children: node.children.slice(index + 1, end),
			};
			node.children.splice(index + 1, end - index - 1, label);
		});

		// After the walk: inserting siblings while visiting would shift the indices the walk is using.
		for (const { parent, list, bar } of bars) parent.children.splice(parent.children.indexOf(list), 0, bar);
		if (position > 0 && frontmatter) frontmatter.checklists = position;
	};
}

/**
 * The bar above a checklist, as client/checklists.ts expects it: the progress line, Copy and Reset (found by
 * `data-action`), and the line where they report. `position` is the checklist's on the page, from 0.
 */
export function checklistBar(title: string, position: number, items: number): Element {
	const name = title ? `“${title}”` : 'this checklist';
	const button = (action: string, label: string, ariaLabel: string): Element => ({
		type: 'element',
		tagName: 'button',
		properties: { type: 'button', dataAction: action, ariaLabel },
		children: [{ type: 'text', value: label }],
	});
	const line = (className: string, value: string): Element => ({
		type: 'element',
		tagName: 'p',
		properties: { className: [className], ariaLive: 'polite' },
		children: value ? [{ type: 'text', value }] : [],
	});
	const bar: Element = {
		type: 'element',
		tagName: 'div',
		properties: {
			className: ['checklist-bar'],
			dataPagefindIgnore: '',
			role: 'group',
			ariaLabel: `Checklist ${title || position + 1}`,
		},
		children: [
			line('checklist-progress', `0 of ${items} done`),
			button('copy', 'Copy progress as Markdown', `Copy progress as Markdown: ${name}`),
			button('reset', 'Reset', `Reset ${name}`),
			line('checklist-feedback', ''),
		],
	};
	// hast keeps a template's markup in `content`, which hast-util-to-html writes (.md); MDX (hast-util-to-estree)
	// writes `children` instead. The same nodes go in both; tree walks only follow `children`, so they see them once.
	return {
		type: 'element',
		tagName: 'template',
		properties: { dataChecklistBar: '', dataPagefindIgnore: '' },
		children: [bar],
		content: { type: 'root', children: [bar] },
	};
}

/** `runbooks/deploy` from `/…/content/runbooks/deploy.mdx`; files outside the content folder keep their base name. */
export function documentId(file: VFile, root: string): string {
	if (!file.path) return 'document';
	const rel = path.relative(root, file.path).split(path.sep).join('/');
	const id = rel.startsWith('..') ? path.basename(file.path) : rel;
	return id.replace(/\.mdx?$/, '');
}

function astroFrontmatter(file: VFile): Record<string, unknown> | undefined {
	const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
	return astro?.frontmatter;
}

/** The schema validates `phases` properly; here anything malformed is just ignored. */
function readPhases(value: unknown): Phase[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter((p): p is Phase => typeof p?.id === 'string' && typeof p?.title === 'string')
		.map((p) => ({ id: p.id, title: p.title, minutes: Number(p.minutes) || 0 }));
}

function phaseFor(heading: { text: string; slug: string }, phases: Phase[]): Phase | undefined {
	const text = comparable(heading.text);
	return (
		phases.find((p) => heading.slug === p.id || heading.slug.endsWith(`-${p.id}`)) ??
		phases.find((p) => text.includes(comparable(p.title))) ??
		phases.find((p) => heading.slug.includes(p.id))
	);
}

function comparable(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function isTaskList(node: Element): boolean {
	return (node.tagName === 'ul' || node.tagName === 'ol') && hasClass(node, 'contains-task-list');
}

/** Every task item of a checklist, nested ones included, in document order. */
function taskItems(list: Element): Element[] {
	const out: Element[] = [];
	const walk = (node: Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'li' && hasClass(child, 'task-list-item')) out.push(child);
			walk(child);
		}
	};
	walk(list);
	return out;
}

function markNested(list: Element, into: Set<Element>): void {
	for (const child of list.children) {
		if (child.type !== 'element') continue;
		if (isTaskList(child)) into.add(child);
		markNested(child, into);
	}
}

/**
 * An item's own text: what follows its checkbox up to the first block (a nested list, a code block). Tight lists hold
 * the checkbox in the <li>, loose lists in a <p>; the text is the same before and after the <label> is added.
 */
function itemText(item: Element): string {
	const host = hasCheckbox(item)
		? item
		: item.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p' && hasCheckbox(c));
	if (!host) return '';
	const out: ElementContent[] = [];
	for (const child of host.children.slice(host.children.findIndex(isCheckbox) + 1)) {
		if (isBlock(child)) break;
		out.push(child);
	}
	return normalise(textOf(out));
}

function hasCheckbox(node: Element): boolean {
	return node.children.some(isCheckbox);
}

function isCheckbox(node: ElementContent): boolean {
	return node.type === 'element' && node.tagName === 'input' && node.properties?.type === 'checkbox';
}

function hasClass(node: Element, name: string): boolean {
	const classes = node.properties?.className;
	return Array.isArray(classes) && classes.includes(name);
}

function headingText(node: Element): string {
	const visible = node.children.filter((c) => !(c.type === 'element' && hasClass(c, 'heading-anchor')));
	return normalise(textOf(visible));
}

function textOf(nodes: ElementContent[]): string {
	return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : '')).join('');
}

function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function shortHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function isBlock(node: ElementContent): boolean {
	return node.type === 'element' && BLOCKS.has(node.tagName);
}
