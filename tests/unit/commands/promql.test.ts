import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandSchema } from '../../../src/commands/index.ts';
import { at, problemsOf, rules, where } from './helpers.ts';

test('promql: valid queries pass, several per block, continuation lines and comments included', async () => {
	const body = [
		'# p99 and p50 latency',
		'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
		'histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
		'sum(rate(http_requests_total{status=~"5.."}[5m]))',
		'  / sum(rate(http_requests_total[5m]))',
		'sum(rate(http_requests_total[5m] offset 1w))',
		'/ on() group_left sum(rate(http_requests_total[5m]))',
	].join('\n');
	assert.deepEqual(await problemsOf('promql', body), []);
});

test('promql syntax errors point at the bad token in the document, not at the fence', async () => {
	const cases: [string, number, number, RegExp][] = [
		['up\nsum by (job) rate(http_requests_total[5m])', 2, 14, /unexpected "rate"/],
		['up{job="api"} == == 1', 1, 18, /unexpected "=="/],
		['up{job=api}', 1, 8, /unexpected "api"/],
		['sum(rate(http_requests_total[5m])', 1, 4, /"\(" is never closed/],
		['up{job="api"} +', 1, 15, /ends after "\+"/],
	];
	for (const [body, line, column, message] of cases) {
		const problems = await problemsOf('promql', body);
		assert.equal(problems.length, 1, body);
		const [p] = problems;
		assert.deepEqual(where(p!), at(line, column), body);
		assert.match(p!.message, message);
		assert.equal(p!.level, 'error');
		assert.equal(p!.rule, 'syntax');
		assert.equal(p!.language, 'promql');
	}
});

test('promql: placeholders pass (label values, metric, duration, number); errors quote them as written', async () => {
	const body = 'sum(rate(<metric>{pod="<pod>", namespace="$NAMESPACE", job="${JOB}"}[<window>])) > <limit>';
	assert.deepEqual(await problemsOf('promql', body), []);
	const [unquoted] = await problemsOf('promql', 'up{job=<job>}');
	assert.match(unquoted!.message, /unexpected "<job>"/, 'a value still needs quotes, as a real one would');
	assert.deepEqual(where(unquoted!), at(1, 8));
});

test('promql: Grafana global variables parse as the value Grafana puts there', async () => {
	assert.deepEqual(await problemsOf('promql', 'sum(increase(http_requests_total[$__range]))'), []);
	assert.deepEqual(await problemsOf('promql', 'rate(http_requests_total[${__rate_interval}])'), []);
});

test('promql/empty-aggregate-equality fires on a test that 0 passes, unless guarded; allow= silences it', async () => {
	for (const body of ['sum(up{job="api"}) == 0', 'count(up) < 1', '0 == count(up)', '(sum(up)) <= 0', 'max(up) != 1']) {
		const problems = await problemsOf('promql', body);
		assert.deepEqual(rules(problems), ['promql/empty-aggregate-equality'], body);
		assert.equal(problems[0]!.level, 'rule');
		assert.match(problems[0]!.message, /or vector\(0\)/);
		assert.match(problems[0]!.message, /absent/);
	}
	const [p] = await problemsOf('promql', 'up\n  sum(up{job="api"}) == 0');
	assert.deepEqual(where(p!), at(2, 3), 'at the aggregate');
	for (const body of [
		'sum(up) > 0',
		'sum(up) == 1',
		'(sum(up) or vector(0)) == 0',
		'sum(up or vector(0)) == 0',
		'sum(up) == 0 or absent(up)',
		'up == 0',
	]) {
		assert.deepEqual(await problemsOf('promql', body), [], body);
	}
	assert.deepEqual(await problemsOf('promql', 'sum(up) == 0', { meta: 'allow=empty-aggregate-equality' }), []);
	assert.deepEqual(await problemsOf('promql', 'sum(up) == 0', { meta: 'allow=promql/empty-aggregate-equality' }), []);
});

test('promql/rate-on-gauge: by suffix when undeclared, by type when declared; allow= silences it', async () => {
	const [p] = await problemsOf('promql', 'sum(rate(node_memory_used_bytes[5m]))');
	assert.equal(p?.rule, 'promql/rate-on-gauge');
	assert.deepEqual(where(p!), at(1, 5));
	assert.match(p!.message, /deriv\(\)/);
	assert.deepEqual(rules(await problemsOf('promql', 'increase(queue_depth[1h:5m])')), ['promql/rate-on-gauge']);
	for (const ok of [
		'rate(x_total[5m])',
		'irate(x_count[5m])',
		'increase(x_sum[1h])',
		'rate(x_bucket[5m])',
		'rate(<counter>[5m])',
	]) {
		assert.deepEqual(await problemsOf('promql', ok), [], ok);
	}
	const schema: CommandSchema = {
		metrics: {
			uploads_stored: { type: 'counter', labels: [] },
			queue_total: { type: 'gauge', labels: [] },
			latency: { type: 'histogram', labels: [] },
		},
	};
	assert.deepEqual(
		await problemsOf('promql', 'rate(uploads_stored[5m])', { schema }),
		[],
		'declared counter without suffix',
	);
	assert.deepEqual(rules(await problemsOf('promql', 'rate(queue_total[5m])', { schema })), ['promql/rate-on-gauge']);
	assert.deepEqual(await problemsOf('promql', 'rate(latency_bucket[5m])', { schema }), []);
	assert.deepEqual(await problemsOf('promql', 'rate(node_memory_used_bytes[5m])', { meta: 'allow=rate-on-gauge' }), []);
});

const schema: CommandSchema = {
	metrics: {
		http_requests_total: { type: 'counter', labels: ['method', 'route', 'status'] },
		http_request_duration_seconds: { type: 'histogram', labels: ['route'] },
		rpc_latency: { type: 'summary', labels: ['service'] },
	},
	metricTargetLabels: ['job', 'instance', 'pod'],
};

test('schema/unknown-label (PromQL): matchers on declared metrics, with histogram and summary series', async () => {
	const ok = [
		'http_requests_total{job="api", status=~"5..", route="/u"}',
		'sum by (le, route) (rate(http_request_duration_seconds_bucket{route="/u"}[5m]))',
		'rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])',
		'rpc_latency{quantile="0.99", service="a"}',
		'undeclared_metric{anything="x"}',
		'{__name__="http_requests_total", status="500"}',
	];
	for (const body of ok) assert.deepEqual(await problemsOf('promql', body, { schema }), [], body);
	const [p] = await problemsOf('promql', 'sum(rate(http_requests_total{job="api", code="500"}[5m]))', { schema });
	assert.equal(p?.rule, 'schema/unknown-label');
	assert.deepEqual(where(p!), at(1, 41));
	assert.match(
		p!.message,
		/label "code" is not declared for http_requests_total \(labels: instance, job, method, pod, route, status\)/,
	);
	assert.deepEqual(rules(await problemsOf('promql', 'http_request_duration_seconds_sum{le="1"}', { schema })), [
		'schema/unknown-label',
	]);
});

test('schema/unknown-label (PromQL): by/without, on/ignoring/group_left, label_replace follow label sets', async () => {
	// The bad label, written where it is first used in each query.
	const bad: [string, string][] = [
		['sum by (code) (rate(http_requests_total[5m]))', 'code'],
		['sum without (code) (rate(http_requests_total[5m]))', 'code'],
		['sum by (route) (sum by (status) (rate(http_requests_total[5m])))', 'route'],
		['sum by (route) (http_requests_total) / on(status) sum by (route) (http_requests_total)', 'status'],
		['rate(http_requests_total[5m]) * on(pod) group_left(node) rpc_latency', 'node'],
		['label_replace(http_requests_total, "svc", "$1", "service", "(.*)")', '"service"'],
	];
	for (const [body, label] of bad) {
		const problems = await problemsOf('promql', body, { schema });
		assert.deepEqual(rules(problems), ['schema/unknown-label'], body);
		assert.deepEqual(where(problems[0]!), at(1, body.indexOf(label) + 1), body);
	}
	const ok = [
		'sum by (route) (sum by (route, status) (rate(http_requests_total[5m])))',
		'sum by (svc) (label_replace(http_requests_total, "svc", "$1", "route", "(.*)"))',
		'sum by (node) (rate(http_requests_total[5m]) * on(pod) group_left(node) kube_pod_info)',
		'sum by (<label>) (http_requests_total)',
	];
	for (const body of ok) assert.deepEqual(await problemsOf('promql', body, { schema }), [], body);
	assert.deepEqual(
		await problemsOf('promql', 'sum by (code) (http_requests_total)', { schema, meta: 'allow=unknown-label' }),
		[],
	);
});

test('promql: fact references resolve first; a position inside a value names the reference', async () => {
	const resolve = (ref: string) =>
		({ '{facts.service.id}': 'uploads-api', '{facts.alerts.Down.expr}': 'sum(up{job="uploads-api"}) == 0' })[ref]!;
	assert.deepEqual(await problemsOf('promql', 'up{job="{facts.service.id}"} == 1', { resolve }), []);
	const [p] = await problemsOf('promql', 'up\n{facts.alerts.Down.expr}', { resolve });
	assert.equal(p?.rule, 'promql/empty-aggregate-equality');
	assert.deepEqual(where(p!), at(2, 1));
	assert.match(p!.message, /\(in the value of \{facts\.alerts\.Down\.expr\}\)/);
	const [after] = await problemsOf('promql', 'up{job="{facts.service.id}"} == == 1', { resolve });
	assert.deepEqual(where(after!), at(1, 33), 'columns after a reference are those of the text as written');
});
