import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finaliseSvg, scopeSvgIds, sizeSvgRoot, trimSvg } from '../../src/diagrams/svg.ts';
import { sanitizeSvg as sanitiseSvg } from '../../src/core/sanitize.ts';

const TOKEN = 'tok';

test('sanitising removes scripts, event handlers and script URLs, and keeps the drawing', () => {
	const dirty =
		'<svg id="tok" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">' +
		'<script>alert(2)</script><script href="x.js"/><style>@import url(http://evil/x.css);#tok{fill:red}</style>' +
		'<a xlink:href="javascript:alert(3)"><g class="node" onclick=\'alert(4)\'><rect/></g></a>' +
		'<a xlink:href="/runbooks/x/#steps"><text>ok</text></a></svg>';
	const clean = sanitiseSvg(dirty);
	assert.doesNotMatch(clean, /<script|alert|onload|onclick|javascript:|@import|xlink/i);
	assert.match(clean, /<a href="\/runbooks\/x\/#steps"><text>ok<\/text><\/a>/);
	assert.match(clean, /#tok\{fill:red\}/);
	assert.match(clean, /<g class="node"><rect\/><\/g>/);
});

test('scoping prefixes ids that lack the token and rewrites references, but not page anchors', () => {
	const svg =
		'<svg id="tok" aria-labelledby="chart-title"><title id="chart-title">T</title>' +
		'<marker id="arrow"/><marker id="tok_end"/><path marker-end="url(#arrow)"/><path marker-end="url(#tok_end)"/>' +
		'<use href="#arrow"/><a href="#steps"><g id="steps-node"/></a><a href="#arrow">x</a></svg>';
	const out = scopeSvgIds(svg, TOKEN);
	assert.match(out, /<title id="tok-chart-title">/);
	assert.match(out, /aria-labelledby="tok-chart-title"/);
	assert.match(out, /<marker id="tok-arrow"\/><marker id="tok_end"\/>/);
	assert.match(out, /marker-end="url\(#tok-arrow\)"/);
	assert.match(out, /marker-end="url\(#tok_end\)"/);
	assert.match(out, /<use href="#tok-arrow"\/>/);
	assert.match(out, /<a href="#steps"><g id="tok-steps-node"\/>/, 'a link to a page section stays as written');
	assert.match(out, /<a href="#arrow">/, 'links never point into the SVG');
	// Every id now carries the token: one replacement later makes all of them unique per copy.
	for (const m of out.matchAll(/\sid="([^"]+)"/g)) assert.ok(m[1]!.includes(TOKEN), m[1]!);
});

test('the root gets its natural size instead of width 100% and max-width', () => {
	const out = sizeSvgRoot('<svg id="tok" width="100%" style="max-width: 360.5px;" viewBox="4 4 360.5 478"><g/></svg>');
	assert.equal(out, '<svg width="361" height="478" id="tok" viewBox="4 4 360.5 478"><g/></svg>');
});

test('finalising gives the copy its id everywhere and the base path to site links only', () => {
	const svg =
		'<svg id="tok"><style>#tok .node{fill:red}</style><marker id="tok_end"/><path marker-end="url(#tok_end)"/><a href="/runbooks/x/#steps"/><a href="#local"/><a href="https://example.com/"/></svg>';
	const out = finaliseSvg(svg, { token: TOKEN, id: 'diagram-2-dark', base: '/ops/' });
	assert.doesNotMatch(out, /tok/);
	assert.match(out, /<svg id="diagram-2-dark"><style>#diagram-2-dark \.node/);
	assert.match(out, /url\(#diagram-2-dark_end\)/);
	assert.match(out, /<a href="\/ops\/runbooks\/x\/#steps"\/>/);
	assert.match(out, /<a href="#local"\/>/);
	assert.match(out, /<a href="https:\/\/example\.com\/"\/>/);
});

test('label text that looks like an attribute is left alone', () => {
	const svg = '<svg id="tok" xmlns="http://www.w3.org/2000/svg"><text>set onboarding="yes" first</text></svg>';
	assert.equal(sanitiseSvg(svg), svg);
});

test("only Mermaid's own <style> survives, and no image may load from another origin", () => {
	const svg =
		'<svg id="tok"><style>#tok{fill:red}</style><g><foreignObject><div><p><style>body{display:none}</style>' +
		'<img src="https://tracker.example/x.png"/><img src="//cdn.example/y.png"></img><img src="data:image/png;base64,AAAA"/><img src="/icons/ok.png"/></p></div></foreignObject>' +
		'<image href="http://evil.example/z.svg"/></g></svg>';
	assert.equal(
		sanitiseSvg(svg),
		'<svg id="tok" xmlns="http://www.w3.org/2000/svg"><style>#tok{fill:red}</style><g><foreignObject>' +
			'<div xmlns="http://www.w3.org/1999/xhtml"><p><img src="/icons/ok.png" /></p></div></foreignObject></g></svg>',
	);
});

test('trimSvg drops markers nothing refers to, edge animation data, empty styles and repeated classes', () => {
	const svg =
		'<svg id="d"><g><marker id="d_pointEnd" class="marker"><path d="M 0 0"></path></marker>' +
		'<marker id="d_crossEnd" class="marker cross"><path d="M 1,1"></path></marker>' +
		'<marker id="d_circleEnd" class="marker"><circle r="5"></circle></marker>' +
		'<path d="M1,2L3,4" class="edge a edge a link" data-edge="true" data-et="edge" data-id="L_A_B_0" ' +
		'data-points="W3sieCI6MX1d" marker-end="url(#d_pointEnd)"></path>' +
		'<use href="#d_circleEnd"></use><rect class="basic" style="" x="1"></rect></g></svg>';
	const out = trimSvg(svg);
	assert.match(out, /<marker id="d_pointEnd"/);
	assert.match(out, /<marker id="d_circleEnd"/, 'a marker used through href stays');
	assert.doesNotMatch(out, /d_crossEnd/);
	assert.doesNotMatch(out, /data-points|data-et|data-edge|style=""/);
	assert.match(out, /data-id="L_A_B_0"/, "data-id stays: Mermaid's own styles may select it");
	assert.match(out, /class="edge a link"/);
	assert.match(out, /marker-end="url\(#d_pointEnd\)"/);
});
