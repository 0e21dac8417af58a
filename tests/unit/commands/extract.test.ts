import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeBlocksFromTree, extractCodeBlocks, isDestructiveMarker, parseMeta } from '../../../src/commands/index.ts';
import { inListItem } from './helpers.ts';

test('a fenced block gives its tag, meta, text and the document line of its first content line', () => {
	const source = '# Title\n\nText.\n\n```promql allow=rate-on-gauge\nup\nsum(up)\n```\n';
	const [block] = extractCodeBlocks(source);
	assert.equal(block?.lang, 'promql');
	assert.equal(block?.meta, 'allow=rate-on-gauge');
	assert.equal(block?.text, 'up\nsum(up)');
	assert.equal(block?.line, 6);
	assert.deepEqual(block?.columns, [1, 1]);
});

test('front matter does not move lines and is not read as Markdown', () => {
	const source = '---\ntitle: "```bash"\nowner: x\n---\n\n```bash\necho hi\n```\n';
	const blocks = extractCodeBlocks(source, { mdx: true });
	assert.equal(blocks.length, 1);
	assert.equal(blocks[0]?.line, 7);
});

test('a block inside a list item or a blockquote gets its container indentation back as columns', () => {
	const [inList] = extractCodeBlocks(inListItem('bash', 'echo one\n  echo two'), { mdx: true });
	assert.equal(inList?.text, 'echo one\n  echo two');
	assert.equal(inList?.line, 10);
	assert.deepEqual(inList?.columns, [4, 4]);
	const [quoted] = extractCodeBlocks('Intro\n\n> ```sql\n> SELECT 1;\n> ```\n');
	assert.equal(quoted?.line, 4);
	assert.deepEqual(quoted?.columns, [3]);
	const [nested] = extractCodeBlocks('- a\n  - b\n\n    ```logql\n    {app="x"}\n    ```\n');
	assert.equal(nested?.line, 5);
	assert.deepEqual(nested?.columns, [5]);
});

test('indented code without a fence is not a command block; a fence without a tag is returned with lang ""', () => {
	const blocks = extractCodeBlocks('Para\n\n    indented code\n\n```\nplain\n```\n');
	assert.deepEqual(
		blocks.map((b) => b.lang),
		[''],
	);
});

test('destructive context: a "Destructive" blockquote before the block, with only code blocks between', () => {
	const source = [
		'> **Destructive — needs approval from the incident commander.** Uploads stop.',
		'',
		'```bash',
		'kubectl scale deploy/api --replicas=0',
		'```',
		'',
		'```bash',
		'kubectl get deploy/api',
		'```',
		'',
		'Then check it:',
		'',
		'```bash',
		'kubectl delete pod x',
		'```',
		'',
		'1. Refuse PDF.',
		'   > **Destructive — needs approval from the incident commander.**',
		'',
		'   ```bash',
		'   kubectl patch configmap flags',
		'   ```',
		'',
		'> **Destructive:** inside the quote',
		'>',
		'> ```bash',
		'> rm -rf /tmp/x',
		'> ```',
		'',
		'> **Service-disrupting — needs approval from the incident commander.**',
		'',
		'```bash',
		'kubectl delete pod api-1',
		'```',
		'',
		'> **Note:** not a marker',
		'',
		'```bash',
		'rm -rf /tmp/y',
		'```',
	].join('\n');
	const context = extractCodeBlocks(source, { mdx: true }).map((b) => b.destructiveContext);
	assert.deepEqual(context, [true, true, false, true, true, true, false]);
});

test('MDX components can mark a step destructive by name or by an attribute value', () => {
	const source = [
		'<Callout type="destructive">\n\n```bash\nkubectl drain node-1\n```\n\n</Callout>',
		'<DestructiveStep>\n\n```bash\nhelm uninstall x\n```\n\n</DestructiveStep>\n',
	].join('\n\n');
	assert.deepEqual(
		extractCodeBlocks(source, { mdx: true }).map((b) => b.destructiveContext),
		[true, true],
	);
	assert.equal(
		isDestructiveMarker({
			type: 'blockquote',
			children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Destructive' }] }],
		}),
		true,
	);
});

test('fence meta: allow= lists (with or without prefix, repeated), the destructive flag, other words ignored', () => {
	assert.deepEqual(parseMeta('allow=rate-on-gauge,promql/empty-aggregate-equality allow=schema/unknown-label'), {
		allow: ['rate-on-gauge', 'promql/empty-aggregate-equality', 'schema/unknown-label'],
		destructive: false,
	});
	assert.deepEqual(parseMeta('title="allow=x destructive" destructive {1,3}'), { allow: [], destructive: true });
	assert.deepEqual(parseMeta(undefined), { allow: [], destructive: false });
});

test('codeBlocksFromTree reads an mdast the build already has; lineOffset for a body without front matter', () => {
	const body = 'Intro\n\n```bash\necho hi\n```\n';
	const tree = unified().use(remarkParse).parse(body) as Root;
	const [block] = codeBlocksFromTree(tree, body, { lineOffset: 4 });
	assert.equal(block?.line, 8);
	assert.equal(block?.text, 'echo hi');
});
