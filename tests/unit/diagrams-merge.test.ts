/** One SVG for both themes (src/diagrams/merge.ts): colours merge into light-dark(), anything else refuses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isColour, mergeDeclaration, mergeThemedSvgs, mergeValue } from '../../src/diagrams/merge.ts';

/** Shaped like Mermaid's output: a scoped <style>, defs with a drop-shadow filter, nodes, a label in foreignObject. */
function rendering(
	theme: 'light' | 'dark',
	change: { width?: number; extra?: string; nodeStroke?: string; label?: string } = {},
): string {
	const dark = theme === 'dark';
	const css =
		`#tok{font-family:system-ui,'Segoe UI',sans-serif;font-size:16px;fill:${dark ? '#ccc' : '#333'};}` +
		'@keyframes dash{to{stroke-dashoffset:0;}}' +
		`#tok .marker{fill:${dark ? 'lightgrey' : '#333333'};stroke:${dark ? 'lightgrey' : '#333333'};}` +
		`#tok .node rect,#tok .node polygon{fill:${dark ? '#1f2020' : '#ECECFF'};stroke:${change.nodeStroke ?? (dark ? '#ccc' : '#9370DB')};stroke-width:1px;}` +
		`#tok .root .anchor path{fill:${dark ? 'lightgrey' : '#333333'}!important;stroke-width:0;}` +
		`#tok .edgeLabel rect{opacity:0.5;background-color:${dark ? '#1b1f27' : 'rgba(232,232,232, 0.8)'};}` +
		`#tok .cluster rect{stroke:${dark ? 'rgba(255, 255, 255, 0.25)' : '#aaaa33'};}` +
		`#tok div.mermaidTooltip{border:1px solid ${dark ? 'rgba(255, 255, 255, 0.25)' : '#aaaa33'};}` +
		`#tok [data-look="neo"].node rect{filter:${dark ? 'drop-shadow( 1px 2px 2px rgba(185,185,185,1))' : 'drop-shadow(1px 2px 2px rgba(185, 185, 185, 1))'};}` +
		'#tok .node&gt;rect{stroke-dasharray:0;}';
	return (
		`<svg width="${change.width ?? 200}" height="100" id="tok" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 200 100" role="graphics-document document">` +
		`<style>${css}</style><g><marker id="tok_end" class="marker"><path d="M 0 0 L 10 5 z"/></marker>` +
		`<g class="node default" id="tok-flowchart-A-0" data-look="neo" transform="translate(50, 40)"><rect x="-40" y="-20" width="80" height="40"/>` +
		`<foreignObject width="60" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table; line-height: 1.5;"><span class="nodeLabel"><p>${change.label ?? 'Roll back &amp; verify'}</p></span></div></foreignObject></g>` +
		`<path d="M90,40L150,40" class="flowchart-link" marker-end="url(#tok_end)"/></g>` +
		`<defs><filter id="tok-drop-shadow" height="130%" width="130%"><feDropShadow dx="4" dy="4" stdDeviation="0" flood-opacity="0.06" flood-color="${dark ? '#FFFFFF' : '#000000'}"/></filter></defs>` +
		`${change.extra ?? ''}</svg>`
	);
}

/** Every light-dark(a, b) replaced by a: what the light theme computes. */
function lightOf(svg: string): string {
	let out = '';
	let i = 0;
	for (;;) {
		const k = svg.indexOf('light-dark(', i);
		if (k < 0) return out + svg.slice(i);
		out += svg.slice(i, k);
		let depth = 1;
		let j = k + 'light-dark('.length;
		let comma = -1;
		for (; depth; j++) {
			if (svg[j] === '(') depth++;
			else if (svg[j] === ')') depth--;
			else if (svg[j] === ',' && depth === 1 && comma < 0) comma = j;
		}
		out += svg.slice(k + 'light-dark('.length, comma);
		i = j;
	}
}

test('colours that differ become light-dark(light, dark); with the light values put back it is the light SVG', () => {
	const light = rendering('light');
	const merged = mergeThemedSvgs(light, rendering('dark'));
	assert.ok(merged);
	assert.match(
		merged,
		/#tok\{font-family:system-ui,'Segoe UI',sans-serif;font-size:16px;fill:light-dark\(#333, #ccc\);\}/,
	);
	assert.match(merged, /\.marker\{fill:light-dark\(#333333, lightgrey\);stroke:light-dark\(#333333, lightgrey\);\}/);
	assert.match(merged, /fill:light-dark\(#ECECFF, #1f2020\);stroke:light-dark\(#9370DB, #ccc\);stroke-width:1px;/);
	assert.match(merged, /fill:light-dark\(#333333, lightgrey\)!important;/, '!important stays after the value');
	assert.match(merged, /background-color:light-dark\(rgba\(232,232,232, 0\.8\), #1b1f27\);/);
	assert.match(
		merged,
		/border:1px solid light-dark\(#aaaa33, rgba\(255, 255, 255, 0\.25\)\);/,
		'a colour inside a shorthand',
	);
	assert.match(
		merged,
		/filter:drop-shadow\(1px 2px 2px rgba\(185, 185, 185, 1\)\);/,
		'whitespace-only differences keep the light text',
	);
	assert.match(merged, /#tok \.node&gt;rect\{/, 'the stylesheet stays escaped XML');
	// A colour attribute moves into style: light-dark() is CSS, presentation attributes do not take it.
	assert.match(
		merged,
		/<feDropShadow dx="4" dy="4" stdDeviation="0" flood-opacity="0.06" style="flood-color:light-dark\(#000000, #FFFFFF\)"\/>/,
	);
	assert.equal(lightOf(merged).replace(' style="flood-color:#000000"', ' flood-color="#000000"'), light);
	assert.ok(merged.length < (light.length + rendering('dark').length) * 0.7, 'smaller than the two renderings');
});

test('identical renderings are returned as they are', () => {
	const svg = rendering('light');
	assert.equal(mergeThemedSvgs(svg, svg), svg);
});

test('anything that is not a colour keeps the two renderings', () => {
	const light = rendering('light');
	assert.equal(mergeThemedSvgs(light, rendering('dark', { width: 201 })), undefined, 'a layout number');
	assert.equal(mergeThemedSvgs(light, rendering('dark', { label: 'Roll back and verify' })), undefined, 'a text');
	assert.equal(
		mergeThemedSvgs(light, rendering('dark', { nodeStroke: 'url(#tok-gradient)' })),
		undefined,
		'a url(#…) against a colour',
	);
	assert.equal(
		mergeThemedSvgs(light, rendering('dark', { extra: '<g class="extra"><rect/></g>' })),
		undefined,
		'an extra element that draws',
	);
	assert.equal(
		mergeThemedSvgs(light, rendering('dark').replace('<rect x="-40"', '<circle x="-40"')),
		undefined,
		'another element',
	);
	assert.equal(
		mergeThemedSvgs(light, rendering('dark').replace('stroke-width:1px;}', 'stroke-width:2px;}')),
		undefined,
		'a stroke width',
	);
	assert.equal(
		mergeThemedSvgs(light, rendering('dark').replace('@keyframes dash', '@keyframes dish')),
		undefined,
		'a rule prelude',
	);
	assert.equal(
		mergeThemedSvgs(light, rendering('dark').replace(' transform="translate(50, 40)"', '')),
		undefined,
		'a missing attribute',
	);
});

test('a definition only one rendering has is dropped when nothing uses it, and refuses the merge when something does', () => {
	const gradient =
		'<linearGradient id="tok-gradient" gradientUnits="objectBoundingBox"><stop offset="0%" stop-color="#cccccc"/><stop offset="100%" stop-color="#2f2f2f"/></linearGradient>';
	const unused = mergeThemedSvgs(rendering('light'), rendering('dark', { extra: gradient }));
	assert.ok(unused);
	assert.doesNotMatch(unused, /linearGradient/);
	assert.equal(
		mergeThemedSvgs(
			rendering('light', { nodeStroke: 'url(#tok-gradient)' }),
			rendering('dark', { extra: gradient, nodeStroke: 'url(#tok-gradient)' }),
		),
		undefined,
	);
});

test('a colour attribute the stylesheet also sets is not moved (it would change which value wins)', () => {
	const light = rendering('light').replace('<rect x="-40"', '<rect fill="#ffffff" x="-40"');
	const dark = rendering('dark').replace('<rect x="-40"', '<rect fill="#000000" x="-40"');
	assert.equal(mergeThemedSvgs(light, dark), undefined);
	// No stylesheet rule for stop-color: it moves.
	const stops = (colour: string) =>
		`<svg id="tok"><linearGradient id="tok-g"><stop offset="0" stop-color="${colour}" style="stop-opacity: 1"/></linearGradient><rect fill="url(#tok-g)"/></svg>`;
	assert.equal(
		mergeThemedSvgs(stops('#fff'), stops('#000')),
		'<svg id="tok"><linearGradient id="tok-g"><stop offset="0" style="stop-opacity: 1; stop-color:light-dark(#fff, #000)"/></linearGradient><rect fill="url(#tok-g)"/></svg>',
	);
	// Unless the element's own style sets it already.
	const owned = (colour: string) => `<svg id="tok"><stop stop-color="${colour}" style="stop-color: red"/></svg>`;
	assert.equal(mergeThemedSvgs(owned('#fff'), owned('#000')), undefined);
});

test('style attributes merge declaration by declaration', () => {
	const node = (colour: string, width = '1px') =>
		`<svg id="tok"><g style="fill: ${colour}; stroke-width: ${width}"/></svg>`;
	assert.equal(
		mergeThemedSvgs(node('#f9f'), node('#303')),
		'<svg id="tok"><g style="fill: light-dark(#f9f, #303); stroke-width: 1px"/></svg>',
	);
	assert.equal(mergeThemedSvgs(node('#f9f'), node('#303', '2px')), undefined);
});

test('values: colours, functions and separators', () => {
	assert.equal(mergeValue('#333', '#ccc'), 'light-dark(#333, #ccc)');
	assert.equal(
		mergeValue('drop-shadow(1px 2px 2px #000)', 'drop-shadow(1px 2px 2px #fff)'),
		'drop-shadow(1px 2px 2px light-dark(#000, #fff))',
	);
	assert.equal(mergeValue('url(#a)', 'url(#b)'), undefined);
	assert.equal(mergeValue('#333', 'url(#gradient)'), undefined);
	assert.equal(mergeValue('var(--a)', 'var(--b)'), undefined);
	assert.equal(mergeValue('1px solid #000', '1px dashed #fff'), undefined);
	assert.equal(mergeValue('1px solid #000', '1px solid'), undefined);
	assert.equal(mergeDeclaration('fill:#000', 'stroke:#000'), undefined, 'another property');
	assert.equal(mergeDeclaration('fill:#000!important', 'fill:#fff'), undefined, '!important on one side only');
	assert.equal(
		mergeDeclaration("font-family:'Segoe UI'", "font-family:'Segoe  UI'"),
		undefined,
		'strings are compared as written',
	);
});

test('colour values', () => {
	for (const c of [
		'#333',
		'#33333380',
		'#ECECFF',
		'rgba(232,232,232, 0.8)',
		'hsl(180, 1.58%, 28.3%)',
		'lightgrey',
		'Transparent',
		'currentColor',
		'oklch(70% 0.1 200)',
	])
		assert.ok(isColour(c), c);
	for (const c of ['#33', 'url(#g)', 'none', 'inherit', '1px', 'var(--c)', 'grey50']) assert.ok(!isColour(c), c);
});
