import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaceholders } from '../../../src/commands/index.ts';
import { fillPlaceholders } from '../../../src/commands/placeholders.ts';
import { rehypePlaceholders } from '../../../src/commands/rehype-placeholders.ts';
import { FACT_REFERENCE as OURS, resolveReferences } from '../../../src/commands/resolve.ts';
import { FACT_REFERENCE } from '../../../src/facts/facts.ts';

const shown = (text: string, language?: string) =>
	findPlaceholders(text, language).map((p) => text.slice(p.start, p.end));

test('findPlaceholders: <lower-case-name>, ${NAME} and $NAME, with names and syntax', () => {
	const text = 'kubectl logs <pod-name> -n ${NAMESPACE} --since=$SINCE_1 $lower ${lower} <Not> <two words> \\$ESCAPED';
	assert.deepEqual(findPlaceholders(text), [
		{ start: 13, end: 23, name: 'pod-name', syntax: 'angle' },
		{ start: 27, end: 39, name: 'NAMESPACE', syntax: 'brace' },
		{ start: 48, end: 56, name: 'SINCE_1', syntax: 'dollar' },
	]);
});

test('findPlaceholders leaves out shell variables the block or the shell sets', () => {
	const text =
		'ROTATED=$(date)\nfor POD in a b; do echo "$POD"; done\nread -r KEY VALUE\necho $ROTATED $KEY $VALUE $HOME $TAG';
	assert.deepEqual(shown(text, 'bash'), ['$TAG']);
	assert.deepEqual(shown('export NS=x; echo ${NS} ${OTHER}', 'shell'), ['${OTHER}']);
	assert.deepEqual(shown('NS=x echo $NS', 'promql'), ['$NS'], 'only shell has variables of its own');
});

test('findPlaceholders leaves out console output, LogQL pattern captures and regex named groups', () => {
	assert.deepEqual(shown('$ kubectl get pods <selector>\nNAME   NODE\napi-1  <none>', 'console'), ['<selector>']);
	assert.deepEqual(shown('{app="<app>"} | pattern "<ip> - <_>" | regexp "(?P<user>\\\\w+)"', 'logql'), ['<app>']);
	assert.deepEqual(shown('up{pod=~"(?<name>.*)"}', 'promql'), []);
});

test('filler keeps every length and fits its context', () => {
	const cases: [string, Parameters<typeof fillPlaceholders>[1], string][] = [
		['rate(x{pod="<pod>"}[<window>]) > <limit>', 'promql', 'rate(x{pod="xpodx"}[0000001m]) > 1111111'],
		['x offset <ago>', 'promql', 'x offset 0001m'],
		['up{ns="$NS"} and ${METRIC}', 'promql', 'up{ns="xNS"} and xxMETRICx'],
		['kubectl logs <pod-name> -c ${C} $X', 'shell', 'kubectl logs xpod_namex -c ${C} $X'],
		['SELECT * FROM <table-name> WHERE a = $A', 'sql', 'SELECT * FROM xtable_namex WHERE a = xA'],
	];
	for (const [text, language, filled] of cases) {
		const out = fillPlaceholders(text, language).text;
		assert.equal(out, filled, text);
		assert.equal(out.length, text.length);
	}
});

test('fact references: our pattern is the one src/facts/facts.ts resolves', () => {
	assert.equal(OURS.source, FACT_REFERENCE.source);
	assert.equal(OURS.flags, FACT_REFERENCE.flags);
});

test('fact references are resolved one by one; positions map back to the text as written', () => {
	const resolve = (ref: string) => (ref === '{facts.a}' ? 'LONG-VALUE' : 'v');
	const { text, segments } = resolveReferences('x {facts.a} y {env.b} z', resolve);
	assert.equal(text, 'x LONG-VALUE y v z');
	assert.deepEqual(segments, [
		{ at: 0, length: 2, source: 0 },
		{ at: 2, length: 10, source: 2, reference: '{facts.a}' },
		{ at: 12, length: 3, source: 11 },
		{ at: 15, length: 1, source: 14, reference: '{env.b}' },
		{ at: 16, length: 2, source: 21 },
	]);
	const unresolved = resolveReferences('job="{facts.service.id}"', undefined).text;
	assert.equal(unresolved, 'job="xfacts_service_id_"', 'without resolve: same-length filler');
	const failing = resolveReferences('{facts.missing}', () => {
		throw new Error('unknown fact');
	});
	assert.equal(failing.text, 'xfacts_missing_', 'an unknown fact is left to the facts check');
});

test('rehypePlaceholders reads a code block split by a resolved fact as one text', () => {
	// The Markdown pipeline leaves `{facts.x}` resolved as a text node of its own inside the <code>.
	const code = {
		type: 'element',
		tagName: 'code',
		properties: { className: ['language-bash'] },
		children: [
			{ type: 'text', value: "export CASE='<incident-id>'   # format " },
			{ type: 'text', value: 'INC-YYYYMMDD-NN' },
			{ type: 'text', value: '\nls ~/cases/$CASE $OTHER' },
		],
	};
	const tree = { type: 'root', children: [{ type: 'element', tagName: 'pre', properties: {}, children: [code] }] };
	rehypePlaceholders()(tree as never);
	const marked = code.children
		.filter((c) => c.type === 'element')
		.map((c) => (c as unknown as { children: Array<{ value: string }> }).children[0]!.value);
	assert.deepEqual(marked, ['<incident-id>', '$OTHER']);
});
