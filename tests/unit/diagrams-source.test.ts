import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagramKey, findMermaidFences, normaliseDiagramSource } from '../../src/diagrams/source.ts';

const parts = { mermaidVersion: '12.3.0', rendererVersion: '1' };

test('finds mermaid fences with the line of the fence and of the first diagram line', () => {
	const body = [
		'Intro',
		'',
		'```mermaid',
		'flowchart TD',
		'  A --> B',
		'```',
		'',
		'```bash',
		'echo hi',
		'```',
		'',
		'~~~mermaid',
		'flowchart LR',
		'  X --> Y',
		'~~~',
	].join('\n');
	const found = findMermaidFences(body, 14);
	assert.deepEqual(found, [
		{ line: 16, contentLine: 17, source: 'flowchart TD\n  A --> B' },
		{ line: 25, contentLine: 26, source: 'flowchart LR\n  X --> Y' },
	]);
});

test('a mermaid fence shown inside a longer fence is an example, not a diagram', () => {
	const body = ['````md', '```mermaid', 'flowchart TD', '```', '````', '```Mermaid', 'flowchart TD', '  A', '```'].join(
		'\n',
	);
	assert.deepEqual(
		findMermaidFences(body).map((f) => f.line),
		[6],
	);
});

test('a fence inside a list item loses the item indentation, as remark strips it', () => {
	const body = ['- Check:', '', '  ```mermaid', '  flowchart TD', '    A --> B', '  ```'].join('\n');
	assert.equal(findMermaidFences(body)[0]!.source, 'flowchart TD\n  A --> B');
});

test('an unclosed fence runs to the end of the document', () => {
	assert.equal(findMermaidFences('```mermaid\nflowchart TD\n  A').length, 1);
});

test('inline code with three backticks is not a fence', () => {
	assert.equal(findMermaidFences('```mermaid `x` ```\nflowchart TD').length, 0);
});

test('normalising drops trailing whitespace and CRLF but keeps leading lines (line numbers)', () => {
	assert.equal(normaliseDiagramSource('\r\nflowchart TD  \r\n  A --> B\t\r\n\r\n'), '\nflowchart TD\n  A --> B');
});

test('the key depends on source, theme, Mermaid version and renderer version only', () => {
	const key = diagramKey('flowchart TD\n  A --> B', 'light', parts);
	assert.match(key, /^[0-9a-f]{64}$/);
	assert.equal(
		diagramKey('flowchart TD  \n  A --> B\n', 'light', parts),
		key,
		'trailing whitespace does not change the key',
	);
	assert.notEqual(diagramKey('flowchart TD\n  A --> C', 'light', parts), key);
	assert.notEqual(diagramKey('flowchart TD\n  A --> B', 'dark', parts), key);
	assert.notEqual(diagramKey('flowchart TD\n  A --> B', 'light', { ...parts, mermaidVersion: '12.4.0' }), key);
	assert.notEqual(diagramKey('flowchart TD\n  A --> B', 'light', { ...parts, rendererVersion: '2' }), key);
});
