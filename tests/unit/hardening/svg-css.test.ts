import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseCss, scanTo, serialiseCss, SVG_STYLE } from '../../../src/diagrams/svg-css.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const stylesheetOf = (file: string) =>
	SVG_STYLE.exec(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))![2]!.replace(/&gt;/g, '>');

test("Mermaid's stylesheets parse and serialise back to the same text", () => {
	for (const file of ['mermaid-flowchart.svg', 'mermaid-sequence.svg']) {
		const css = stylesheetOf(file);
		const nodes = parseCss(css);
		assert.ok(nodes && nodes.length > 20, file);
		assert.equal(serialiseCss(nodes), css, file);
	}
});

test('the shape the users expect: rules, at-rules with their prelude, declarations as written', () => {
	assert.deepEqual(
		parseCss('#d .a, #d .b { fill: red !important; stroke:#333 }\n@keyframes dash{to{stroke-dashoffset:0;}}'),
		[
			{
				kind: 'rule',
				prelude: '#d .a, #d .b',
				body: [
					{ kind: 'declaration', text: 'fill: red !important' },
					{ kind: 'declaration', text: 'stroke:#333' },
				],
			},
			{
				kind: 'rule',
				prelude: '@keyframes dash',
				body: [{ kind: 'rule', prelude: 'to', body: [{ kind: 'declaration', text: 'stroke-dashoffset:0' }] }],
			},
		],
	);
	assert.deepEqual(parseCss('/* c */ a /* d */ { b: c /* e */ ; } @media (x) { a { b: "}" } }'), [
		{ kind: 'rule', prelude: 'a', body: [{ kind: 'declaration', text: 'b: c' }] },
		{
			kind: 'rule',
			prelude: '@media (x)',
			body: [{ kind: 'rule', prelude: 'a', body: [{ kind: 'declaration', text: 'b: "}"' }] }],
		},
	]);
	assert.deepEqual(parseCss('color:red;'), [{ kind: 'declaration', text: 'color:red' }], 'a declaration list');
	assert.deepEqual(parseCss('@import url(x.css);a{b:c}'), [
		{ kind: 'declaration', text: '@import url(x.css)' },
		{ kind: 'rule', prelude: 'a', body: [{ kind: 'declaration', text: 'b:c' }] },
	]);
	assert.deepEqual(parseCss(''), []);
});

test('what it cannot parse is undefined, so the callers leave the stylesheet alone', () => {
	for (const broken of ['a{color:red', 'a{b:"c}', 'a{b:c}}', '/* open', 'a{b}'])
		assert.equal(parseCss(broken), undefined, broken);
});

test('scanTo skips strings, parentheses and comments', () => {
	assert.equal(scanTo('a:url(x;y);b', 0, ';'), 10);
	assert.equal(scanTo('a:"x;y";b', 0, ';'), 7);
	assert.equal(scanTo('a/*;*/;b', 0, ';'), 6);
	assert.equal(scanTo('abc', 0, ';'), 3);
	assert.equal(scanTo('a:"x', 0, ';'), undefined);
});

test("cost: parseCss of Mermaid's flowchart stylesheet (printed)", () => {
	const css = stylesheetOf('mermaid-flowchart.svg');
	for (let i = 0; i < 20; i++) parseCss(css);
	const times: number[] = [];
	for (let i = 0; i < 100; i++) {
		const started = performance.now();
		parseCss(css);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	console.log(`parseCss (postcss): ${times[50]!.toFixed(3)} ms for ${(css.length / 1024).toFixed(1)} KB of CSS`);
	assert.ok(times[50]! < 20);
});
