import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { remarkFacts } from '../../src/facts/remark-facts.ts';
import { loadFacts } from '../../src/facts/facts.ts';

const { facts } = loadFacts(path.resolve('tests/fixtures/minimal/content'));

async function render(source: string): Promise<string> {
	const file = new VFile({ path: '/site/runbooks/x.mdx', value: source });
	return String(await compile(file, { remarkPlugins: [[remarkFacts, { facts: () => facts }]], jsx: true }));
}

test('prose, inline code, code blocks and links get their values', async () => {
	const out = await render(
		'Max {facts.limits.maxUploadSizeMB} MB, `curl {env.apiHost}`\n\n```sh\ncurl https://{env.apiHost}{facts.service.healthPath}\n```\n\n[health](https://{env.apiHost}/x)\n',
	);
	// A site-wide fact is plain text; only environment values get an element (the picker swaps them).
	assert.match(out, /\{"Max "\}\{"25"\}\{" MB, "\}/);
	assert.doesNotMatch(out, /data-fact/);
	assert.match(out, /data-env="apiHost"/);
	assert.match(out, /\{"curl https:\/\/"\}<_components\.span data-env="apiHost"/);
	assert.match(out, /\/healthz/);
	assert.match(out, /href="https:\/\/api\.staging\.fixture\.example\.com\/x"/);
	assert.doesNotMatch(out, /\{env\.|\{facts\./);
});

test('an unknown key in a code block reports the line inside the block', async () => {
	await assert.rejects(render('# T\n\n```sh\necho ok\ncurl {facts.nope.value}\n```\n'), (e: Error) =>
		/runbooks\/x\.mdx:5:6 fact: unknown fact "facts\.nope\.value"/.test(e.message),
	);
});

test('an unknown key in prose reports its line and column', async () => {
	await assert.rejects(render('Line one\n\nSee {facts.limits.maxUploadSize} here.'), (e: Error) =>
		/x\.mdx:3:5 fact: unknown fact "facts\.limits\.maxUploadSize"; did you mean/.test(e.message),
	);
});
