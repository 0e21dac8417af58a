import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMatch, pruneUnusedCss } from '../../src/diagrams/css-prune.ts';

const svg = (css: string) =>
	`<svg id="d"><style>${css}</style><g class="node default clickable"><rect/><foreignObject><span class="nodeLabel">A &gt; B</span></foreignObject></g><path class="flowchart-link"/></svg>`;

test('rules for classes the drawing does not use are dropped; the rest stay as they were', () => {
	const out = pruneUnusedCss(
		svg(
			'#d{font-size:16px;fill:#333;}#d .error-icon{fill:#552222;}#d .node rect,#d .cluster rect{fill:#ECECFF;}#d .node.clickable .nodeLabel{cursor:pointer;}#d span{color:#333;}',
		),
	);
	assert.equal(
		out,
		svg(
			'#d{font-size:16px;fill:#333;}#d .node rect{fill:#ECECFF;}#d .node.clickable .nodeLabel{cursor:pointer;}#d span{color:#333;}',
		),
	);
});

test('keyframes stay only while a remaining rule animates with them', () => {
	const out = pruneUnusedCss(
		svg(
			'@keyframes dash{to{stroke-dashoffset:0;}}@keyframes spin{to{opacity:1;}}#d .edge-animation-slow{animation:dash 50s linear infinite;}#d .flowchart-link{animation:spin 1s;}',
		),
	);
	assert.equal(out, svg('@keyframes spin{to{opacity:1;}}#d .flowchart-link{animation:spin 1s;}'));
});

test('selectors it cannot judge are kept; a class only inside :not() is not required', () => {
	const classes = new Set(['node']);
	assert.equal(canMatch('#d .node:not(.cluster) rect', classes), true);
	assert.equal(canMatch('#d :is(.cluster, .node) rect', classes), true);
	assert.equal(canMatch('#d [class~="x"] .node', classes), true);
	assert.equal(canMatch('#d .cluster-label text', classes), false);
	assert.equal(canMatch('#d g', classes), true);
});

test('selectors and text with ">" survive the XML round trip; an unparsable stylesheet is left alone', () => {
	const css = '#d .node &gt; rect{fill:#fff;}#d .katex{x:y;}';
	assert.equal(pruneUnusedCss(svg(css)), svg('#d .node &gt; rect{fill:#fff;}'));
	const broken = svg('#d .katex{fill:#fff;');
	assert.equal(pruneUnusedCss(broken), broken);
});
