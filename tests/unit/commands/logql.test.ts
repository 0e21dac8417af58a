import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandSchema } from '../../../src/commands/index.ts';
import { at, problemsOf, rules, where } from './helpers.ts';

test('logql: valid queries pass, several per block, pipelines continued on indented lines', async () => {
	const body = [
		'{app="uploads-api"} | json | level="error"',
		'{namespace=~"uploads-.*"} |= "Scaled" or "Pulled"',
		'sum by (pod) (count_over_time({app="uploads-api"} | json | status=~"5.." [5m]))',
		'{app="uploads-api"}',
		'  | logfmt',
		'  | duration > 1500ms',
	].join('\n');
	assert.deepEqual(await problemsOf('logql', body), []);
});

test('logql syntax errors point at the bad token in the document', async () => {
	const cases: [string, number, number, RegExp][] = [
		['{app="a"} | json | level=error', 1, 26, /unexpected "error"/],
		['{app="a"}\nsum by (pod) (count_over_time({app="a"}[5m])', 2, 14, /"\(" is never closed/],
		['count_over_time({app="a"} | json [5m)', 1, 37, /unexpected "\)"/],
		['{app="a"} |= "x" [5m]', 1, 18, /unexpected "\["/],
	];
	for (const [body, line, column, message] of cases) {
		const problems = await problemsOf('logql', body);
		assert.equal(problems.length, 1, body);
		assert.deepEqual(where(problems[0]!), at(line, column), body);
		assert.match(problems[0]!.message, message, body);
		assert.equal(problems[0]!.level, 'error');
	}
});

test('logql: placeholders pass; pattern captures and Grafana variables are not placeholders, and parse', async () => {
	const body = 'sum(count_over_time({app="<app>", namespace="$NAMESPACE"} | json | duration_ms > <limit> [<window>]))';
	assert.deepEqual(await problemsOf('logql', body), []);
	assert.deepEqual(await problemsOf('logql', '{app="a"} | pattern "<ip> - <_> <method>" | method="GET"'), []);
	assert.deepEqual(await problemsOf('logql', 'sum(count_over_time({app="a"} [$__range]))'), []);
});

const schema: CommandSchema = {
	logSchema: {
		labels: ['app', 'namespace', 'pod'],
		fields: ['level', 'event', 'status', 'duration_ms', 'client_id'],
	},
};

test('schema/unknown-label (LogQL): stream labels, then fields, created labels and built-ins', async () => {
	const ok = [
		'{app="a", namespace="n"} | json | level="error" | status >= 500 | __error__=""',
		'sum by (client_id, pod) (count_over_time({app="a"} | json [5m]))',
		'sum(rate({app="a"} | json size="request.size" | unwrap size [5m]))',
		'{app="a"} | regexp "(?P<user>\\\\w+)" | user="x"',
		'{app="a"} | pattern "<ip> <_>" | ip="10.0.0.1"',
		'{app="a"} | json | label_format who=`{{.client_id}}` | who="x"',
		'{app="<app>"} | json | <field>="x"',
	];
	for (const body of ok) assert.deepEqual(await problemsOf('logql', body, { schema }), [], body);
	const cases: [string, string, RegExp][] = [
		['{ap="a"} | json', 'ap', /"ap" is not a stream label in the log schema \(labels: app, namespace, pod\)/],
		['{app="a"} | json | levl="error"', 'levl', /"levl" is not a label or field in the log schema/],
		['sum by (user) (count_over_time({app="a"} | json [5m]))', 'user', /"user"/],
		['sum(rate({app="a"} | json | unwrap bytes [5m]))', 'bytes', /"bytes"/],
		['{app="a"} | logfmt | event="x" and code="1"', 'code', /"code"/],
	];
	for (const [body, name, message] of cases) {
		const problems = await problemsOf('logql', body, { schema });
		assert.deepEqual(rules(problems), ['schema/unknown-label'], body);
		assert.deepEqual(where(problems[0]!), at(1, body.indexOf(name) + 1), body);
		assert.match(problems[0]!.message, message);
		assert.equal(problems[0]!.level, 'rule');
	}
	assert.deepEqual(await problemsOf('logql', '{ap="a"}', { schema, meta: 'allow=schema/unknown-label' }), []);
	assert.deepEqual(await problemsOf('logql', '{ap="a"} | levl="x"'), [], 'nothing is checked without a log schema');
});
