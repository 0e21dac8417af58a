import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCodeBlock, checkDocument, checkExpression, formatCommandProblem } from '../../../src/commands/index.ts';
import { formatProblem } from '../../../src/core/errors.ts';

test('checkExpression places findings at the YAML location, continuation lines at their own column', async () => {
	const { problems } = await checkExpression('promql', 'sum(up{job="api"})\n  == 0 or', {
		file: 'content/facts.yaml',
		line: 694,
		column: 11,
		continuationColumn: 7,
	});
	assert.equal(problems.length, 1);
	assert.deepEqual([problems[0]!.line, problems[0]!.column], [695, 14]);
	const rule = await checkExpression('promql', 'sum(up{job="api"}) == 0', { file: 'f.yaml', line: 3, column: 11 });
	assert.deepEqual(
		rule.problems.map((p) => [p.rule, p.line, p.column]),
		[['promql/empty-aggregate-equality', 3, 11]],
	);
	const allowed = await checkExpression('promql', 'sum(up) == 0', {
		file: 'f.yaml',
		line: 3,
		column: 11,
		allow: ['empty-aggregate-equality'],
	});
	assert.deepEqual(allowed.problems, []);
	const logql = await checkExpression('logql', '{app="a"} | json | level=error', {
		file: 'f.yaml',
		line: 9,
		column: 5,
	});
	assert.deepEqual(
		logql.problems.map((p) => [p.line, p.column]),
		[[9, 30]],
	);
});

test('the formatter gives file:line:column language: message; ContentError formatting agrees', async () => {
	const { problems } = await checkCodeBlock(
		{ lang: 'promql', text: 'up +', line: 12, columns: [5] },
		{ file: 'doc.mdx' },
	);
	assert.equal(formatCommandProblem(problems[0]!), 'doc.mdx:12:8 promql: query ends after "+": something is missing');
	assert.equal(
		formatCommandProblem(problems[0]!, (f) => `content/${f}`),
		'content/doc.mdx:12:8 promql: query ends after "+": something is missing',
	);
	assert.match(formatProblem(problems[0]!), /doc\.mdx:12:8 promql: query ends after/);
});

test('unknown tags are not checked; rule findings are level "rule" and carry their id', async () => {
	assert.deepEqual((await checkCodeBlock({ lang: 'text', text: 'sum( ((' }, { file: 'f' })).problems, []);
	assert.deepEqual((await checkCodeBlock({ lang: 'yaml', text: 'rm -rf /' }, { file: 'f' })).problems, []);
	assert.deepEqual((await checkCodeBlock({ lang: 'constructor', text: 'rm -rf /' }, { file: 'f' })).problems, []);
	const { problems } = await checkCodeBlock({ lang: 'bash', text: 'kubectl delete pod x' }, { file: 'f' });
	assert.equal(problems[0]!.level, 'rule');
	assert.match(problems[0]!.message, /\[shell\/destructive-unmarked\]$/);
});

test('checkDocument checks every block in document order, and survives an MDX syntax error', async () => {
	const doc = '# T\n\n```promql\nup +\n```\n\n```sql\nSELEC 1;\n```\n\n```text\nnot checked\n```\n';
	const { problems } = await checkDocument(doc, { file: 'a.md' });
	assert.deepEqual(
		problems.map((p) => `${p.line}:${p.column} ${p.language}`),
		['4:4 promql', '8:1 sql'],
	);
	const broken = await checkDocument('# T\n\n<Comp attr={\n', { file: 'b.mdx', mdx: true });
	assert.equal(broken.problems.length, 1);
	assert.equal(broken.problems[0]!.language, 'markdown');
	assert.match(broken.problems[0]!.message, /code blocks not checked/);
});
