/** Quick-reference cards: QR encoding, id scoping, live URLs, sheets and the pre-build card check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { qrSvg } from '../../src/cards/qr-svg.ts';
import { cardBodyHtml, scopeIds } from '../../src/cards/card-html.ts';
import { liveDocumentUrl, liveUrl, shortUrl } from '../../src/core/live-url.ts';
import { intoSheets } from '../../src/cards/card-sizes.ts';
import { checkCards } from '../../src/cards/check.ts';
import { withoutBuildTime } from '../../src/cards/pdf.ts';
import { loadFacts } from '../../src/facts/facts.ts';

/** Rasterise the SVG's path (one `M x y h w v1 h-w z` per run of dark modules) and decode it like a phone would. */
function decodeQrSvg(svg: string, scale = 4): string | undefined {
	const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
	const pixels = new Uint8ClampedArray(size * scale * size * scale * 4).fill(255);
	for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		for (let dy = 0; dy < scale; dy++) {
			for (let dx = 0; dx < Number(w) * scale; dx++) {
				const i = ((Number(y) * scale + dy) * size * scale + Number(x) * scale + dx) * 4;
				pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
			}
		}
	}
	return jsQR(pixels, size * scale, size * scale)?.data;
}

test('a QR code encodes the URL, with a quiet zone and an accessible name', () => {
	const url = 'https://ops.example.com/playbooks/file-upload-attacks/';
	const svg = qrSvg(url, { label: 'QR code: "File upload attacks"' });
	assert.equal(decodeQrSvg(svg), url);
	assert.match(svg, /role="img" aria-label="QR code: &quot;File upload attacks&quot;"/);
	assert.match(svg, /<rect width="(\d+)" height="\1" fill="#ffffff"\/>/);
	assert.doesNotMatch(svg, /M[0-3] /, 'no module inside the 4-module quiet zone');
});

test('live URLs join site URL, base path and document id', () => {
	assert.equal(
		liveDocumentUrl('https://ops.example.com', '/', 'runbooks/rollback'),
		'https://ops.example.com/runbooks/rollback/',
	);
	assert.equal(
		liveDocumentUrl('https://ops.example.com/', '/ops/', 'runbooks/rollback'),
		'https://ops.example.com/ops/runbooks/rollback/',
	);
	assert.equal(liveUrl('https://ops.example.com', '/', '/ops/cards/'), 'https://ops.example.com/ops/cards/');
	assert.equal(shortUrl('https://ops.example.com/x/'), 'ops.example.com/x/');
});

test('ids in a card body are prefixed, with every reference to them', () => {
	const html = [
		'<input id="task-1"><label for="task-1">Ticked</label>',
		'<svg id="diagram-1-light" aria-labelledby="diagram-1-title"><style>#diagram-1-light .node{fill:red}</style><path marker-end="url(#diagram-1-light_arrow)"/><marker id="diagram-1-light_arrow"/></svg>',
		'<p id="diagram-1-title">Triage</p><a href="#task-1">box</a><a href="/runbooks/x/#task-1">elsewhere</a><p>#task-1 in text</p>',
	].join('');
	const out = scopeIds(html, 'card-x');
	assert.match(out, /<input id="card-x-task-1"><label for="card-x-task-1">/);
	assert.match(out, /<svg id="card-x-diagram-1-light" aria-labelledby="card-x-diagram-1-title">/);
	assert.match(out, /<style>#card-x-diagram-1-light \.node\{fill:red\}<\/style>/);
	assert.match(out, /url\(#card-x-diagram-1-light_arrow\)/);
	assert.match(out, /<a href="#card-x-task-1">/);
	assert.match(out, /href="\/runbooks\/x\/#task-1"/, 'links to other pages are left alone');
	assert.match(out, /<p>#task-1 in text<\/p>/, 'text is left alone');
	assert.equal(scopeIds('<p>no ids</p>', 'card-x'), '<p>no ids</p>');
});

test('a diagram on a card keeps full-size links that point at its own, scoped figure', () => {
	const html =
		'<figure class="diagram" id="diagram-abc123-1"><figcaption id="diagram-abc123-1-title">Triage</figcaption>' +
		'<p class="diagram-close"><a href="#diagram-abc123-1-title">Close full size</a></p>' +
		'<p class="diagram-actions"><a href="#diagram-abc123-1">Open full size</a></p></figure>';
	const out = cardBodyHtml(html, 'card-x');
	assert.match(out, /<figure class="diagram" id="card-x-diagram-abc123-1">/);
	assert.match(out, /<a href="#card-x-diagram-abc123-1-title">Close full size/);
	assert.match(out, /<a href="#card-x-diagram-abc123-1">Open full size/);
});

test('cards are grouped four to a sheet', () => {
	assert.deepEqual(intoSheets([1, 2, 3, 4, 5]), [[1, 2, 3, 4], [5]]);
	assert.deepEqual(intoSheets([]), []);
});

function cardsSite(cards: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-cards-unit-'));
	fs.cpSync(path.resolve('tests/fixtures/cards/content'), dir, { recursive: true });
	fs.rmSync(path.join(dir, 'cards'), { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'cards'));
	for (const [name, text] of Object.entries(cards)) fs.writeFileSync(path.join(dir, 'cards', name), text);
	return dir;
}

const GOOD = `---
title: Deploy
summarises: runbooks/deploy
audience: [on-call-engineer]
defaultSize: a6
---

**Check** the health.
`;

test('a valid card passes the card check', () => {
	const dir = cardsSite({ 'deploy.mdx': GOOD });
	assert.deepEqual(checkCards(dir, loadFacts(dir), new Set(['runbooks/deploy'])), []);
});

test('card problems name the file, the line and the field', () => {
	const dir = cardsSite({
		'deploy.mdx': GOOD.replace('runbooks/deploy', 'runbooks/nope')
			.replace('[on-call-engineer]', '[on-call-engineer, sre]')
			.replace('defaultSize: a6', 'defaultSize: a6\nseverity: SEV9'),
		'size.mdx': GOOD.replace('defaultSize: a6', 'defaultSize: a5'),
		'body.mdx': `${GOOD}\n## Steps\n\n\`curl https://{env.apiHost}/\`\n\n\`\`\`bash\n# a comment, not a heading\n\`\`\`\n`,
	});
	const problems = checkCards(dir, loadFacts(dir), new Set(['runbooks/deploy']));
	const lines = problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field}: ${p.message}`);
	assert.ok(
		lines.some((l) => /^deploy\.mdx:3 frontmatter field "summarises": no document "runbooks\/nope"/.test(l)),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) => /^deploy\.mdx:4 frontmatter field "audience\.1": unknown role "sre"/.test(l)),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) => /^deploy\.mdx:6 frontmatter field "severity": unknown severity "SEV9"/.test(l)),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) => /^size\.mdx:5 frontmatter field "defaultSize"/.test(l)),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) => /^body\.mdx:10 heading: cards have no headings/.test(l)),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) =>
			/^body\.mdx:12 fact: \{env\.apiHost\} shows the default environment.*\{facts\.environments\.production\.apiHost\}/.test(
				l,
			),
		),
		lines.join('\n'),
	);
	assert.equal(
		lines.filter((l) => l.startsWith('body.mdx')).length,
		2,
		'a # comment inside a code block is not a heading',
	);
});

test('a card page is the same page for the PDF cache whatever its build time, and not whatever its content', () => {
	const page = (time: string, text: string, body: string) =>
		`<p class="content-stamp" data-content-stamp="abc1234">Content <code>abc1234</code> · built ` +
		`<time datetime="${time}">${text}</time></p><div class="card">${body}</div>` +
		`<span>· Content abc1234 · built ${text}</span>`;
	const first = page('2026-12-03T16:30:40Z', '2026-12-03 16:30 UTC', 'Roll back');
	const later = page('2026-12-03T16:31:07Z', '2026-12-03 16:31 UTC', 'Roll back');
	const edited = page('2026-12-03T16:31:07Z', '2026-12-03 16:31 UTC', 'Roll back now');
	assert.equal(withoutBuildTime(first), withoutBuildTime(later));
	assert.notEqual(withoutBuildTime(later), withoutBuildTime(edited));
	assert.doesNotMatch(withoutBuildTime(later), /16:31/);
	assert.equal(withoutBuildTime('<p>no stamp 2026-12-03 16:31 UTC</p>'), '<p>no stamp 2026-12-03 16:31 UTC</p>');
});
