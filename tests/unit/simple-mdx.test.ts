import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { fillBlocks, simpleMdx, type StaticComponent } from '../../src/core/simple-mdx.ts';
import { contactsHtml, escapeAttribute, escapeText, severityMatrixHtml } from '../../src/facts/components-html.ts';
import { loadFacts } from '../../src/facts/facts.ts';
import { remarkFacts } from '../../src/facts/remark-facts.ts';
import type { Facts } from '../../src/facts/schema.ts';

const { facts } = loadFacts(path.resolve('tests/fixtures/minimal/content'));
const calls: Array<Record<string, unknown>> = [];
const components: Record<string, StaticComponent> = {
	Contacts: (props) => {
		calls.push(props);
		return `<div class="contacts">${JSON.stringify(props)}</div>`;
	},
	SeverityMatrix: () => '<div class="matrix"></div>',
};

const simple = (body: string) => {
	const result = simpleMdx(body, components);
	assert.ok(result.simple, result.simple ? '' : result.reason);
	return result;
};
const notSimple = (body: string, reason: RegExp) => {
	const result = simpleMdx(body, components);
	assert.equal(result.simple, false, `expected not simple: ${body}`);
	if (!result.simple) assert.match(result.reason, reason);
};

// ── detection ───────────────────────────────────────────────────────────────────────────────────────────────────────

test('plain Markdown, fact references and comments are simple; references stay as written', () => {
	const r = simple('# Title\n\nMax {facts.limits.maxUploadSizeMB} MB on { env.apiHost }.\n\n{/* a note */}\n\nEnd.\n');
	assert.match(r.markdown, /Max \{facts\.limits\.maxUploadSizeMB\} MB on \{ env\.apiHost \}\./);
	assert.doesNotMatch(r.markdown, /a note/);
	assert.equal(r.blocks.size, 0);
});

test('a static component on its own line becomes a placeholder paragraph, its props parsed as literals', () => {
	calls.length = 0;
	const r = simple('Intro.\n\n<Contacts roles={["a", "b"]} title="x" compact />\n\n<SeverityMatrix />\n\nAfter.\n');
	assert.deepEqual(calls, [{ roles: ['a', 'b'], title: 'x', compact: true }]);
	assert.equal(r.blocks.size, 2);
	const [first, second] = [...r.blocks.keys()];
	assert.match(r.markdown, new RegExp(`Intro\\.\\n\\n${first}\\n\\n${second}\\n\\nAfter\\.`));
	assert.match(first!, /^opsbook[0-9a-f]{12}c0$/);
});

test('a component inside a list item keeps its place', () => {
	const r = simple('1. Call them:\n\n   <Contacts roles={["a"]} />\n\n2. Next.\n');
	const [word] = [...r.blocks.keys()];
	assert.match(r.markdown, new RegExp(`\\n\\n   ${word}\\n\\n2\\. Next`));
});

test('imports, exports, other expressions and JSX stay MDX', () => {
	notSimple("import X from './x.astro';\n\n# T\n", /import or export/);
	notSimple('export const a = 1;\n\n# T\n', /import or export/);
	notSimple('Sum: {1 + 1}\n', /the expression \{1 \+ 1\}/);
	notSimple('Text {facts.a.b + 1}\n', /the expression/);
	notSimple('<AlertChart alert="X" />\n', /the component <AlertChart>/);
	notSimple('<details>\n\nHidden\n\n</details>\n', /the component <details>/);
	notSimple('See <Contacts /> inline.\n', /inside a paragraph/);
	notSimple('<Contacts>\n\nchild\n\n</Contacts>\n', /with children/);
	notSimple('<Contacts {...props} />\n', /spread/);
	notSimple("<Contacts roles={['a']} />\n", /not a JSON literal/);
	notSimple('<Contacts roles={names} />\n', /not a JSON literal/);
	notSimple('Broken <b\n', /not valid MDX/);
});

test('a component that throws stays MDX, which reports the mistake as before', () => {
	const result = simpleMdx('<Contacts />\n', {
		Contacts: () => {
			throw new Error('unknown role "x"');
		},
	});
	assert.equal(result.simple, false);
	if (!result.simple) assert.match(result.reason, /<Contacts> fails: unknown role "x"/);
});

test('escaped braces that would read as a reference, and images beside the document, stay MDX', () => {
	notSimple('Write \\{facts.x.y\\} in a page.\n', /reads as a fact reference/);
	notSimple('![graph](./graph.png)\n', /the image \.\/graph\.png/);
	simple('![graph](/runbooks/graph.png) and ![x](https://example.com/x.png)\n');
});

test('text MDX and Markdown read differently stays MDX (the trees are compared)', () => {
	// A paragraph in MDX (no indented code there), a code block in Markdown.
	notSimple('Intro.\n\n    indented text\n', /Markdown reads it differently/);
	// In MDX a component ends its block; in Markdown the placeholder would run into the next line's paragraph.
	notSimple('<SeverityMatrix />\nNext line.\n', /Markdown reads it differently/);
	// A comment on a line of its own ends the paragraph in MDX too: removed, the trees agree.
	assert.equal(simple('Line one\n{/* c */}\nafter\n').markdown, 'Line one\n\nafter\n');
});

// ── filling placeholders ────────────────────────────────────────────────────────────────────────────────────────────

test('fillBlocks replaces a placeholder paragraph or a bare word, once', () => {
	const blocks = new Map([
		['w0', '<div>A</div>'],
		['w1', '<div>B</div>'],
	]);
	assert.equal(
		fillBlocks('<p>x</p>\n<p>w0</p>\n<ul><li>w1</li></ul>', blocks),
		'<p>x</p>\n<div>A</div>\n<ul><li><div>B</div></li></ul>',
	);
	assert.equal(fillBlocks('<p>x</p>', blocks), undefined);
	assert.equal(fillBlocks('<p>w0</p><p>w0</p><p>w1</p>', blocks), undefined);
});

// ── rendered through a Markdown pipeline with remarkFacts ────────────────────────────────────────────────────────────

async function renderMarkdown(markdown: string, file = '/site/runbooks/x.mdx'): Promise<string> {
	const processor = unified()
		.use(remarkParse)
		.use(remarkFacts, { facts: () => facts })
		.use(remarkRehype)
		.use(rehypeStringify);
	return String(await processor.process(new VFile({ path: file, value: markdown })));
}

test('the Markdown pipeline resolves references in the text of an .mdx file, and only there', async () => {
	const r = simple('Max {facts.limits.maxUploadSizeMB} MB at {env.apiHost}.\n\n<SeverityMatrix />\n');
	const html = fillBlocks(await renderMarkdown(r.markdown), r.blocks)!;
	assert.match(html, /<p>Max 25 MB at <span data-env="apiHost">api\.staging\.fixture\.example\.com<\/span>\.<\/p>/);
	assert.match(html, /<div class="matrix"><\/div>/);
	// A .md file's braces are text, as they always were.
	assert.match(await renderMarkdown('Max {facts.limits.maxUploadSizeMB} MB', '/site/x.md'), /\{facts\.limits/);
});

test('an unknown reference in the text of an .mdx file names its line and column', async () => {
	await assert.rejects(renderMarkdown('Line one\n\nSee {facts.limits.nope} here.'), (e: Error) =>
		/x\.mdx:3:5 fact: unknown fact "facts\.limits\.nope"/.test(e.message),
	);
});

// ── the components' HTML ───────────────────────────────────────────────────────────────────────────────────────────

test('escaping follows Astro: text & < > \' ", attributes & "', () => {
	assert.equal(escapeText(`a & <b> 'c' "d"`), 'a &amp; &lt;b&gt; &#39;c&#39; &quot;d&quot;');
	assert.equal(escapeAttribute(`a & "b" <c> 'd'`), "a &amp; &quot;b&quot; <c> 'd'");
	assert.equal(escapeText(undefined), '');
	assert.equal(escapeText(5), '5');
});

const hostile: Facts = {
	...facts,
	people: {
		...facts.people,
		mallory: { name: 'Mallory <script>alert(1)</script>', phone: '+1 (555) 0199', email: 'm"x@example.com' },
	},
	roles: {
		...facts.roles,
		'evil-role': { title: 'Chief <img src=x onerror=alert(1)>', team: 'A & B', primary: 'mallory', pager: '"p"' },
	},
	severities: facts.severities.map((s, i) =>
		i === 0 ? { ...s, name: '<b>Crit</b>', color: '#000000" onclick="x', examples: ['<i>e</i>'] } : s,
	),
} as Facts;

test('contactsHtml escapes every value and lists the roles asked for, in order', () => {
	const html = contactsHtml(hostile, { roles: ['evil-role'] });
	assert.doesNotMatch(html, /<script>|<img /);
	assert.match(html, /<tr id="role-evil-role"><th scope="row">Chief &lt;img src=x onerror=alert\(1\)&gt;<br>/);
	assert.match(html, /<span class="muted">A &amp; B<\/span>/);
	assert.match(
		html,
		/<td>Mallory &lt;script&gt;alert\(1\)&lt;\/script&gt;<br><a href="tel:\+15550199">\+1 \(555\) 0199<\/a>/,
	);
	assert.match(html, /<a href="mailto:m&quot;x@example\.com">m&quot;x@example\.com<\/a>/);
	// No backup: a dash, as the component always showed.
	assert.match(html, /<td>—<\/td><td>&quot;p&quot;<\/td><\/tr>/);
	assert.equal((contactsHtml(facts).match(/<tr id="role-/g) ?? []).length, Object.keys(facts.roles).length);
});

test('contactsHtml refuses an unknown role or roles that are not a list', () => {
	assert.throws(
		() => contactsHtml(facts, { roles: ['nope'] }),
		/<Contacts roles>: unknown role "nope"; roles in facts/,
	);
	assert.throws(() => contactsHtml(facts, { roles: 'a' as never }), /a list of role keys/);
	assert.throws(() => contactsHtml(facts, { roles: ['constructor'] }), /unknown role "constructor"/);
});

test('severityMatrixHtml escapes text and the colour attribute', () => {
	const html = severityMatrixHtml(hostile);
	assert.doesNotMatch(html, /<b>|<i>e|onclick="/);
	assert.match(html, /style="--sev:#000000&quot; onclick=&quot;x">SEV1 · &lt;b&gt;Crit&lt;\/b&gt;<\/span>/);
	assert.match(html, /<li>&lt;i&gt;e&lt;\/i&gt;<\/li>/);
	assert.equal((html.match(/<tr id="severity-/g) ?? []).length, facts.severities.length);
});
