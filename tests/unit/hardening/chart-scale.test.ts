import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linearScale, niceStep, niceTicks } from '../../../src/alerts/chart-scale.ts';

/**
 * The five charts of content/training/alert-interpretation.mdx, with the thresholds and baselines of
 * content/facts.yaml, and the ticks buildChart() (src/alerts/alert-chart.ts) computes for them with its hand-written
 * niceTicks: y over [min(0, data), yMax ?? 1.1 × max] in about 5 intervals, x over [0, last minute] in about
 * min(8, samples) intervals. d3-scale gives the same ticks for all five.
 */
const CHARTS = [
	{
		alert: 'UploadsApiHighErrorRate',
		threshold: 2,
		baseline: 0.2,
		step: 1,
		values:
			'0.2 0.3 0.2 0.25 0.3 0.2 0.35 0.3 0.25 0.4 0.6 1.1 2.4 3.1 2.8 3.5 4.2 4.8 5.6 6.3 5.9 6.8 7.4 7.1 6.5 7.9 8.4 8.1 7.6 8.8',
		y: [0, 2, 4, 6, 8, 10],
		x: [0, 5, 10, 15, 20, 25],
	},
	{
		alert: 'UploadsApiHighLatency',
		threshold: 1.5,
		baseline: 0.6,
		step: 1,
		values:
			'0.55 0.6 0.58 0.62 0.6 0.65 0.7 0.68 0.75 0.9 1.6 1.7 1.4 1.62 1.75 1.8 1.95 2.1 2.05 2.2 2.3 2.4 2.35 2.5 2.6 ' +
			'2.7 2.8 2.75 2.9 3.05 3.1 3.2 3.15 3.3 3.4 3.35',
		y: [0, 1, 2, 3, 4],
		x: [0, 5, 10, 15, 20, 25, 30, 35],
	},
	{
		alert: 'UploadsScanBacklog',
		threshold: 500,
		baseline: 25,
		step: 1,
		values:
			'22 25 24 28 60 120 180 240 300 360 420 480 545 600 660 720 780 840 900 960 1020 1080 1140 1200 1260 1320 1380 ' +
			'1440 1500 1560',
		y: [0, 500, 1000, 1500, 2000],
		x: [0, 5, 10, 15, 20, 25],
	},
	{
		alert: 'UploadsApiHighMemory',
		threshold: 85,
		baseline: 50,
		step: 2,
		yMax: 100,
		values:
			'52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 78 80 82 84 86 88 89 91 92 94 96 97 ' +
			'99 41 43',
		y: [0, 20, 40, 60, 80, 100],
		x: [0, 10, 20, 30, 40, 50, 60, 70],
	},
	{
		alert: 'UploadsDbConnectionsHigh',
		threshold: 80,
		baseline: 35,
		step: 1,
		yMax: 100,
		values: '34 35 36 35 37 36 38 37 36 38 42 47 52 56 61 65 69 73 77 81 83 85 86 88 89 91 92 93 94 95 96 96 97 98',
		y: [0, 20, 40, 60, 80, 100],
		x: [0, 5, 10, 15, 20, 25, 30],
	},
];

test('the alert-interpretation charts get the same ticks from d3-scale as from the hand-written scale', () => {
	for (const chart of CHARTS) {
		const values = chart.values.split(' ').map(Number);
		const references = [chart.threshold, chart.baseline];
		const dataMax = Math.max(...values, ...references);
		const dataMin = Math.min(0, ...values, ...references);
		const lastMinute = (values.length - 1) * chart.step;
		assert.deepEqual(niceTicks(dataMin, chart.yMax ?? dataMax * 1.1, 5), chart.y, `${chart.alert}: y`);
		const xCount = Math.min(8, Math.max(1, Math.round(lastMinute / chart.step)));
		assert.deepEqual(
			niceTicks(0, lastMinute, xCount).filter((v) => v <= lastMinute + 1e-9),
			chart.x,
			`${chart.alert}: x`,
		);
	}
});

test("the hand-written scale's own test values: the same, but for one documented difference", () => {
	assert.equal(niceStep(10, 5), 2);
	assert.equal(niceStep(1800, 5), 500);
	assert.equal(niceStep(0.9, 5), 0.2);
	assert.deepEqual(niceTicks(0, 9.7, 5), [0, 2, 4, 6, 8, 10]);
	// Hand-written: [0, 1, 2, 3, 4] (the raw step 0.66 rounded up to 1). d3 rounds to the nearest nice step on a
	// log scale (0.66 is past √10 × 0.1, so 0.5): 8 ticks where the old scale gave 5.
	assert.deepEqual(niceTicks(0, 3.3, 5), [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
	// Hand-written: 2.5. d3 has no 2.5 step: 1, 2 or 5 times a power of ten.
	assert.equal(niceStep(12, 5), 2);
});

test('ticks are exact decimals, covering the domain', () => {
	assert.deepEqual(niceTicks(0, 0.7, 7), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
	assert.deepEqual(niceTicks(-3, 17, 5), [-5, 0, 5, 10, 15, 20]);
	assert.deepEqual(niceTicks(0, 0, 5), [0]);
	assert.equal(niceStep(0, 5), 1);
});

test('linear scale: pixels as before, a zero-width domain maps to the range start', () => {
	const y = linearScale([0, 10], [200, 0]);
	assert.equal(y(0), 200);
	assert.equal(y(5), 100);
	assert.equal(y(10), 0);
	// No clamping. d3 interpolates as a·(1 − t) + b·t, which can differ from the old r0 + t·(r1 − r0) in the last
	// bit (-39.99999999999999 here); buildChart rounds every coordinate to 0.01 px, so the SVG is the same.
	assert.ok(Math.abs(y(12) - -40) < 1e-9);
	assert.equal(linearScale([5, 5], [10, 20])(5), 10);
});
