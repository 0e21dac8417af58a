import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	buildChart,
	chartEvents,
	classify,
	describeChart,
	exprComparison,
	formatValue,
	linearScale,
	linePath,
	niceStep,
	niceTicks,
	parseDurationMinutes,
	parseValues,
	placeLineLabel,
	regimeSpans,
	seriesYAt,
	seriesProblems,
	thresholdMatchesExpr,
	toPoints,
} from '../../src/alerts/alert-chart.ts';

const regimesOf = (values: number[], threshold: number, forMinutes: number, step = 1) =>
	classify(toPoints(values, step), threshold, forMinutes)
		.map((p) => p.regime[0])
		.join('');

test('durations in Prometheus syntax become minutes; anything else is refused', () => {
	assert.equal(parseDurationMinutes('5m'), 5);
	assert.equal(parseDurationMinutes('10m'), 10);
	assert.equal(parseDurationMinutes('0m'), 0);
	assert.equal(parseDurationMinutes('1h'), 60);
	assert.equal(parseDurationMinutes('1h30m'), 90);
	assert.equal(parseDurationMinutes('30s'), 0.5);
	for (const bad of ['', '5', 'five minutes', '5 m', '5m ago'])
		assert.throws(() => parseDurationMinutes(bad), /not a duration/, bad);
});

test('the comparison at the end of an alert rule is read, with its operator', () => {
	assert.deepEqual(exprComparison('sum(rate(x[5m])) / sum(rate(y[5m])) > 0.02'), { op: '>', value: 0.02 });
	assert.deepEqual(exprComparison('max(uploads_scan_queue_depth) > 500'), { op: '>', value: 500 });
	assert.deepEqual(exprComparison('min(probe_ssl_earliest_cert_expiry - time()) / 86400 < 14'), { op: '<', value: 14 });
	assert.deepEqual(exprComparison('increase(x[5m]) >= 1e-3'), { op: '>=', value: 0.001 });
	assert.equal(exprComparison('sum(up{job="x"})'), undefined);
});

test('a threshold kept as a percentage matches a rule that compares a ratio, and nothing else', () => {
	assert.ok(thresholdMatchesExpr(2, 0.02));
	assert.ok(thresholdMatchesExpr(85, 0.85));
	assert.ok(thresholdMatchesExpr(1.5, 1.5));
	assert.ok(thresholdMatchesExpr(500, 500));
	assert.ok(!thresholdMatchesExpr(2, 0.05));
	assert.ok(!thresholdMatchesExpr(80, 0.85));
});

test('sample values parse from spaces or commas, and a non-number names its position', () => {
	assert.deepEqual(parseValues('0.2 0.3,0.25\n 4'), [0.2, 0.3, 0.25, 4]);
	assert.deepEqual(parseValues([1, 2]), [1, 2]);
	assert.throws(() => parseValues('1 2 x3 4'), /sample 3 \("x3"\) is not a number/);
	assert.throws(() => parseValues([1, Number.NaN]), /sample 2/);
});

test('regimes: a breach is warning until it has lasted for:, then firing; a good sample resets the clock', () => {
	// threshold 2, for 3 minutes, one sample a minute
	assert.equal(regimesOf([1, 1, 3, 3, 3, 3, 3], 2, 3), 'nnwwwff');
	// equal to the threshold is not a breach for ">"
	assert.equal(regimesOf([2, 2.1], 2, 1), 'nw');
	// the dip at index 3 resets pending: firing comes 3 minutes after the second crossing
	assert.equal(regimesOf([1, 3, 3, 1, 3, 3, 3, 3], 2, 3), 'nwwnwwwf');
	// back to normal after firing
	assert.equal(regimesOf([3, 3, 3, 1], 2, 2), 'wwfn');
	// for: 0 fires at once
	assert.equal(regimesOf([1, 3], 2, 0), 'nf');
	// the clock counts minutes, not samples: two-minute steps reach a 5-minute for: on the fourth breaching sample
	assert.equal(regimesOf([1, 3, 3, 3, 3], 2, 5, 2), 'nwwwf');
});

test('"below" rules (certificate days left) breach under the threshold', () => {
	const out = classify(toPoints([30, 20, 10, 9, 8], 1), 14, 1, '<').map((p) => p.regime);
	assert.deepEqual(out, ['normal', 'normal', 'warning', 'firing', 'firing']);
});

test('spans group consecutive regimes and meet half-way between samples', () => {
	const spans = regimeSpans(classify(toPoints([1, 1, 3, 3, 3, 1], 1), 2, 2));
	assert.deepEqual(
		spans.map((s) => [s.regime, s.first, s.last, s.from, s.to]),
		[
			['normal', 0, 1, 0, 1.5],
			['warning', 2, 3, 1.5, 3.5],
			['firing', 4, 4, 3.5, 4.5],
			['normal', 5, 5, 4.5, 5],
		],
	);
});

test('events: the breach that led to firing, not an earlier one that dipped back; then the resolution', () => {
	const events = chartEvents(classify(toPoints([1, 3, 1, 3, 3, 3, 1], 1), 2, 2));
	assert.equal(events.breach?.minute, 3);
	assert.equal(events.firing?.minute, 5);
	assert.equal(events.resolved?.minute, 6);
	const pendingOnly = chartEvents(classify(toPoints([1, 3, 3], 1), 2, 5));
	assert.equal(pendingOnly.breach?.minute, 1);
	assert.equal(pendingOnly.firing, undefined);
});

test('a sample that cannot show all three regimes is reported with a hint', () => {
	assert.deepEqual(seriesProblems(classify(toPoints([1, 3, 3, 3], 1), 2, 2), 2), []);
	assert.match(
		seriesProblems(classify(toPoints([1, 1, 1], 1), 2, 2), 2).join('\n'),
		/never reaches "warning"[\s\S]*never reaches "firing"/,
	);
	assert.match(
		seriesProblems(classify(toPoints([1, 3, 3], 1), 2, 5), 5).join('\n'),
		/never reaches "firing": stay past the threshold for at least the rule's for: \(5 min\)/,
	);
	assert.match(seriesProblems(classify(toPoints([3, 3, 3], 1), 2, 1), 1).join('\n'), /never reaches "normal"/);
	assert.match(seriesProblems(classify(toPoints([1, 3, 3], 1), 2, 0), 0).join('\n'), /for: 0m/);
	assert.match(seriesProblems([], 5).join('\n'), /at least 3 samples/);
});

test('scales map linearly, ticks are round numbers covering the data, paths are rounded', () => {
	const y = linearScale([0, 10], [200, 0]);
	assert.equal(y(0), 200);
	assert.equal(y(10), 0);
	assert.equal(y(2.5), 150);
	assert.equal(linearScale([5, 5], [10, 20])(5), 10);
	assert.equal(niceStep(10, 5), 2);
	assert.equal(niceStep(1800, 5), 500);
	assert.equal(niceStep(0.9, 5), 0.2);
	assert.deepEqual(niceTicks(0, 9.7, 5), [0, 2, 4, 6, 8, 10]);
	assert.deepEqual(niceTicks(0, 3.3, 5), [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
	assert.deepEqual(niceTicks(0, 1.1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
	assert.equal(
		linePath([
			{ x: 1, y: 2 },
			{ x: 3.14159, y: 4.005 },
		]),
		'M1 2 L3.14 4.01',
	);
});

test('values carry their unit the way people write it', () => {
	assert.equal(formatValue(2, '%'), '2%');
	assert.equal(formatValue(1.5, 's'), '1.5 s');
	assert.equal(formatValue(500, 'uploads'), '500 uploads');
	assert.equal(formatValue(0.1 + 0.2, ''), '0.3');
});

test('the chart model: threshold inside the plot, bands cover the time axis, callouts at breach and firing', () => {
	const model = buildChart({ values: '0.2 0.3 0.2 2.5 3 3.5 4 5 6', threshold: 2, forMinutes: 3, baseline: 0.2 });
	const { plot } = model;
	assert.deepEqual(model.problems, []);
	assert.ok(model.thresholdY > plot.top && model.thresholdY < plot.bottom, 'threshold line inside the plot');
	assert.ok(model.baselineY! > model.thresholdY, 'baseline drawn below the threshold');
	assert.equal(model.bands[0]!.x, plot.left);
	const last = model.bands.at(-1)!;
	assert.equal(Math.round(last.x + last.width), plot.right);
	assert.deepEqual(
		model.bands.map((b) => b.label),
		['Normal', 'Warning (pending)', 'Firing'],
	);
	assert.deepEqual(
		model.callouts.map((c) => [c.n, c.kind, c.point.minute]),
		[
			[1, 'breach', 3],
			[2, 'firing', 6],
		],
	);
	// Every point is inside the plot and the path visits them in order.
	for (const p of model.points)
		assert.ok(p.x >= plot.left && p.x <= plot.right && p.y >= plot.top && p.y <= plot.bottom);
	assert.equal(model.path.split(/[ML]/).filter(Boolean).length, model.points.length);
	// Axis ticks: time from 0 to the last minute, values from 0 past the largest sample.
	assert.equal(model.xTicks[0]!.value, 0);
	assert.ok(model.xTicks.at(-1)!.value <= 8);
	assert.equal(model.yTicks[0]!.value, 0);
	assert.ok(model.yTicks.at(-1)!.value >= 6);
});

test('a fixed axis maximum is honoured, and a sample above it is a problem', () => {
	assert.equal(
		buildChart({ values: '50 90 95 96', threshold: 85, forMinutes: 2, yMax: 100 }).yTicks.at(-1)!.value,
		100,
	);
	assert.match(
		buildChart({ values: '50 90 95 120', threshold: 85, forMinutes: 2, yMax: 100 }).problems.join(),
		/above the axis maximum/,
	);
});

test('the description names every regime with its minutes and values, and the moments that matter', () => {
	const model = buildChart({ values: '0.2 0.3 2.5 3 3.5 0.4', threshold: 2, forMinutes: 2 });
	const text = describeChart(model, {
		alert: 'UploadsApiHighErrorRate',
		metric: '5xx share of requests',
		unit: '%',
		threshold: 2,
		forText: '2m',
		baseline: 0.2,
	});
	assert.match(text, /threshold at 2% and the normal baseline at 0.2%/);
	assert.match(text, /Normal from minute 0 to 1 \(0.2% to 0.3%\)/);
	assert.match(text, /Warning \(pending\) from minute 2 to 3/);
	assert.match(text, /Firing from minute 4 to 4 \(3.5%\)/);
	assert.match(text, /crosses the threshold at minute 2/);
	assert.match(text, /At minute 4 it has stayed past the threshold for 2m: the alert fires/);
	assert.match(text, /At minute 5 .* resolves/);
});

test('the series is interpolated between samples for label placement', () => {
	const pts = [
		{ x: 0, y: 100 },
		{ x: 10, y: 0 },
	];
	assert.equal(seriesYAt(pts, 5), 50);
	assert.equal(seriesYAt(pts, 0), 100);
	assert.equal(seriesYAt(pts, 11), undefined);
});

test('a line label avoids the series: right end above by default, elsewhere when the series runs there', () => {
	const plot = { left: 0, top: 0, right: 400, bottom: 200 };
	const flatLow = [
		{ x: 0, y: 190 },
		{ x: 400, y: 190 },
	];
	assert.deepEqual(placeLineLabel(100, 80, plot, flatLow), { x: 394, y: 93, anchor: 'end' });
	// The series rises through the right end just above the line: the label moves to where the series is not.
	const clear = (p: { x: number; y: number; anchor: string }, series: Array<{ x: number; y: number }>) => {
		const left = p.anchor === 'end' ? p.x - 80 : p.x;
		for (let x = left; x <= left + 80; x++) {
			const y = seriesYAt(series, x);
			if (y !== undefined && y >= p.y - 12 && y <= p.y + 3) return false;
		}
		return true;
	};
	const risingRight = [
		{ x: 0, y: 190 },
		{ x: 300, y: 150 },
		{ x: 400, y: 85 },
	];
	const moved = placeLineLabel(100, 80, plot, risingRight);
	assert.notDeepEqual(moved, { x: 394, y: 93, anchor: 'end' });
	assert.ok(clear(moved, risingRight));
	// Only the right end above the line is crowded: the label goes below it, still at the right.
	const bumpRight = [
		{ x: 0, y: 190 },
		{ x: 300, y: 190 },
		{ x: 310, y: 90 },
		{ x: 400, y: 90 },
	];
	const below = placeLineLabel(100, 80, plot, bumpRight);
	assert.deepEqual([below.anchor, below.y > 100], ['end', true]);
	// The series hugs the line on the right, above and below: the left end is clear.
	const hugsRight = [
		{ x: 0, y: 190 },
		{ x: 250, y: 190 },
		{ x: 300, y: 100 },
		{ x: 400, y: 100 },
	];
	assert.equal(placeLineLabel(100, 80, plot, hugsRight).anchor, 'start');
	// Never outside the plot: a line at the very top gets its label below.
	assert.ok(placeLineLabel(5, 80, plot, flatLow).y > 5);
	// Another line counts as an obstacle.
	const avoid = placeLineLabel(100, 80, plot, flatLow, [{ x: Number.NaN, y: 90, r: 2 }]);
	assert.ok(avoid.y > 100, 'moves away from a line just above');
});

test('the chart model places the threshold label clear of a series that ends right on the line', () => {
	const model = buildChart({
		values: '52 60 70 80 86 88 90 92 94 96',
		threshold: 85,
		forMinutes: 2,
		baseline: 50,
		yMax: 100,
		labels: { threshold: 'Threshold 85% for 2m', baseline: 'Baseline 50%' },
	});
	const label = model.thresholdLabel;
	const width = 'Threshold 85% for 2m'.length * 7;
	const left = label.anchor === 'end' ? label.x - width : label.x;
	for (let x = left; x <= left + width; x += 2) {
		const y = seriesYAt(model.points, x);
		if (y !== undefined) assert.ok(y < label.y - 12 || y > label.y + 3, `series crosses the label at x=${x}`);
	}
	assert.ok(model.baselineLabel);
});
