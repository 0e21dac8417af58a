/** MDX mistakes named by file:line:column before Astro compiles anything (issue #22). */
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import { checkMdxSource } from '../../src/quality/mdx.ts';

const FILE = path.resolve('tests/fixtures/minimal/content/runbooks/deploy.mdx');
const HEAD = '---\ntitle: T\n---\n\n';
const check = (body: string) => checkMdxSource(FILE, HEAD + body).map((p) => `${p.line}:${p.column} ${p.message}`);

test('an unclosed tag is reported at its line, not 0:0', () => {
	const [problem] = check('Intro.\n\n<details>\n<summary>More</summary>\n\nText\n');
	assert.match(problem!, /^\d+:\d+ /);
	assert.doesNotMatch(problem!, /^0:0/);
	assert.match(problem!, /details/);
});

test('an unknown component names itself and the line', () => {
	assert.deepEqual(check('Text\n\n<SeverityMatrx />\n'), [
		'7:1 unknown component <SeverityMatrx />: import it, or use one of SeverityMatrix, Contacts, AlertChart, CardSeverities, CardContacts'.replace(
			' />',
			'>',
		),
	]);
	assert.deepEqual(check('<SeverityMatrix />\n'), []);
	assert.deepEqual(
		check("import Box from './box.astro';\n\n<Box />\n").filter((p) => p.includes('unknown component')),
		[],
	);
});

test('a missing import names the specifier and the line', () => {
	assert.deepEqual(check("Text\n\nimport Chart from './no-such-chart.astro';\n"), [
		'7:1 import "./no-such-chart.astro" cannot be found (from deploy.mdx)',
	]);
	assert.deepEqual(check("import { z } from 'astro/zod';\n"), []);
});

test('an expression that throws is reported at its position; fact references are not', () => {
	assert.deepEqual(check('Value: {notDefined.field}\n'), [
		'5:8 the expression {notDefined.field} throws: ReferenceError: notDefined is not defined',
	]);
	assert.deepEqual(check('Value: {facts.limits.maxUploadSizeMB} and {env.apiHost}\n'), []);
	assert.deepEqual(check('export const n = 2;\n\nTwice: {n * 2} and {frontmatter.title}\n'), []);
});
