import { test } from 'node:test';
import assert from 'node:assert/strict';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import {
	daysInMonth,
	isRealDate,
	normalizeSource,
	parseIsoDate,
	parseYamlSafe,
	parseYamlWithLines,
	remarkNormalizeNewlines,
} from '../../../src/core/text-input.ts';

test('a UTF-8 byte order mark before the front matter is dropped', () => {
	assert.equal(normalizeSource('\uFEFF---\ntitle: x\n---\nbody'), '---\ntitle: x\n---\nbody');
	assert.equal(normalizeSource('a\uFEFFb'), 'a\uFEFFb', 'only a leading one');
});

test('CRLF and lone CR become LF, keeping the line count of CRLF files', () => {
	const crlf = '---\r\ntitle: x\r\n---\r\n\r\nline one\r\nline two\r\n';
	const out = normalizeSource(crlf);
	assert.equal(out, '---\ntitle: x\n---\n\nline one\nline two\n');
	assert.equal(out.split('\n').length, crlf.split('\r\n').length);
	assert.equal(normalizeSource('a\rb\r\rc'), 'a\nb\n\nc');
	assert.equal(normalizeSource('\uFEFFa\r\nb'), 'a\nb');
	const plain = 'no change\n';
	assert.equal(normalizeSource(plain), plain);
});

test('no carriage return reaches the HTML of a Markdown file saved with CRLF', async () => {
	const markdown = 'Para one\r\ncontinues\r\n\r\n```sh\r\nls\r\npwd\r\n```\r\n\r\n- item\r\n- `code\r\nspan`\r\n';
	const without = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(markdown));
	assert.match(without, /\r/, 'the problem, as it is without the plugin');
	const html = String(
		await unified()
			.use(remarkParse)
			.use(remarkNormalizeNewlines)
			.use(remarkRehype)
			.use(rehypeStringify)
			.process(markdown),
	);
	assert.doesNotMatch(html, /\r/);
	assert.match(html, /<code class="language-sh">ls\npwd\n<\/code>/);
});

test('impossible days are refused, with the reason; leap days only in leap years', () => {
	assert.equal(isRealDate('2026-02-30'), false);
	assert.equal(isRealDate('2025-02-29'), false);
	assert.equal(isRealDate('2024-02-29'), true);
	assert.equal(isRealDate('2000-02-29'), true, 'divisible by 400');
	assert.equal(isRealDate('1900-02-29'), false, 'divisible by 100');
	assert.equal(isRealDate('2026-04-31'), false);
	assert.equal(isRealDate('2026-12-31'), true);
	assert.equal(isRealDate('2026-13-01'), false);
	assert.equal(isRealDate('2026-00-10'), false);
	assert.equal(isRealDate('2026-01-00'), false);
	assert.equal(isRealDate('2026-1-5'), false);
	assert.equal(isRealDate('2026-01-05T00:00:00Z'), false, 'a day, not a moment');
	assert.equal(daysInMonth(2024, 2), 29);

	const bad = parseIsoDate('2026-02-30');
	assert.deepEqual(bad, { ok: false, reason: '2026-02-30: February 2026 has 28 days, so day 30 does not exist' });
	assert.deepEqual(parseIsoDate('2025-02-29'), {
		ok: false,
		reason: '2025-02-29: February 2025 has 28 days, so day 29 does not exist',
	});
	const leap = parseIsoDate('2024-02-29');
	assert.ok(leap.ok && leap.date.toISOString() === '2024-02-29T00:00:00.000Z');
	assert.equal(new Date('2026-02-30').toISOString(), '2026-03-02T00:00:00.000Z', 'what Date does with it, silently');
});

test('moments: offsets and fractions accepted; hours, minutes, seconds and offsets that do not exist refused', () => {
	const t = parseIsoDate('2026-01-31T10:05:00.5+02:00');
	assert.ok(t.ok && t.date.toISOString() === '2026-01-31T08:05:00.500Z');
	assert.ok(parseIsoDate('2026-01-31T10:05Z').ok);
	for (const [text, reason] of [
		['2026-02-30T10:00:00Z', /February 2026 has 28 days/],
		['2026-01-31T24:00:00Z', /hour 24 does not exist/],
		['2026-01-31T10:60:00Z', /minute 60 does not exist/],
		['2026-01-31T10:00:60Z', /second 60 does not exist/],
		['2026-01-31T10:00:00+15:00', /offset \+15:00 does not exist/],
		['2026-01-31T10:00:00', /expected a date like 2026-01-31 or a time like/],
		['yesterday', /expected a date/],
	] as const) {
		const out = parseIsoDate(text);
		assert.ok(!out.ok, text);
		assert.match(out.reason, reason);
	}
});

/** "Billion laughs": ten levels of nine aliases, 9^9 (387 million) leaves if expanded. */
function aliasBomb(): string {
	const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (let level = 1; level < 10; level++) {
		const name = String.fromCharCode(97 + level);
		const previous = String.fromCharCode(96 + level);
		lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
	}
	return `${lines.join('\n')}\n`;
}

test('a YAML alias bomb fails fast, naming the file and the reason', () => {
	const started = performance.now();
	const out = parseYamlSafe(aliasBomb(), { file: 'content/facts.yaml' });
	const ms = performance.now() - started;
	assert.ok(ms < 1000, `${ms} ms`);
	assert.equal(out.data, undefined);
	assert.deepEqual(out.problems, [
		{
			file: 'content/facts.yaml',
			line: 2,
			column: 1,
			message: 'content/facts.yaml: too many aliases (YAML alias bomb?)',
			kind: 'aliases',
		},
	]);
	assert.deepEqual(out.syntaxErrors, [
		{ line: 2, column: 1, message: 'content/facts.yaml: too many aliases (YAML alias bomb?)' },
	]);
	// The front matter offset applies, as for syntax errors.
	assert.equal(parseYamlWithLines(aliasBomb(), 1).syntaxErrors[0]!.line, 3);
});

test('a few aliases, as people use them, are fine; the cap is adjustable', () => {
	const yaml = 'defaults: &d {timeout: 5m, retries: 3}\nweb: *d\napi: *d\n';
	const out = parseYamlSafe(yaml);
	assert.deepEqual(out.problems, []);
	assert.deepEqual(out.data, {
		defaults: { timeout: '5m', retries: 3 },
		web: { timeout: '5m', retries: 3 },
		api: { timeout: '5m', retries: 3 },
	});
	assert.equal(parseYamlSafe(yaml, { maxAliasCount: 0 }).problems[0]?.kind, 'aliases');
});

test('oversized YAML is refused before parsing', () => {
	const big = `list:\n${'  - item\n'.repeat(40_000)}`;
	const started = performance.now();
	const out = parseYamlSafe(big, { file: 'records/x.yaml' });
	assert.ok(performance.now() - started < 50);
	assert.equal(out.problems[0]!.message, `records/x.yaml: file is larger than 262144 bytes (${big.length} bytes)`);
	assert.equal(out.problems[0]!.kind, 'size');
	assert.equal(parseYamlSafe('a: 1\n', { maxBytes: 3 }).problems[0]!.message, 'file is larger than 3 bytes (5 bytes)');
	assert.equal(parseYamlSafe('a: é\n', { maxBytes: 5 }).problems[0]?.kind, 'size', 'bytes, not characters');
});

test('drop-in for parseYamlWithLines: data, lineOf and syntaxErrors as before, BOM and CRLF accepted', () => {
	const source = '\uFEFFowner: ops\r\nreview:\r\n  every: 90\r\n  last: 2026-01-31\r\n';
	const out = parseYamlWithLines(source, 1);
	assert.deepEqual(out.data, { owner: 'ops', review: { every: 90, last: '2026-01-31' } });
	assert.equal(out.lineOf(['review', 'every']), 4);
	assert.equal(out.lineOf(['owner']), 2);
	assert.equal(out.lineOf(['missing', 'deep']), 2, 'nearest existing parent: the document');
	const broken = parseYamlWithLines('a: [1, 2\nb: 3\n');
	assert.equal(broken.data, undefined);
	assert.ok(broken.syntaxErrors.length > 0);
	assert.equal(broken.problems[0]!.kind, 'syntax');
});
