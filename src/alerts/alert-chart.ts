/**
 * The pure part of the annotated alert charts (src/alerts/AlertChart.astro): parse a sample series, decide for
 * each sample whether the alert would be normal, pending ("warning") or firing, and lay the chart out as plain data
 * (scales, ticks, path, shaded bands, callouts). The component only turns that data into SVG markup, so everything
 * that can be wrong is unit-tested here (tests/unit/alert-chart.test.ts).
 *
 * Regimes follow Prometheus alert states, because that is what an on-call engineer has to learn to read:
 *   - normal:  the expression is false (the value is on the good side of the threshold);
 *   - warning: the expression is true, but for less than the rule's `for:` duration (Prometheus: "pending";
 *              nothing is sent yet, and one good sample resets the clock);
 *   - firing:  the expression has been true for at least `for:`; Alertmanager notifies.
 */
import { linearScale, niceStep, niceTicks } from './chart-scale.ts';

export type Regime = 'normal' | 'warning' | 'firing';
export const REGIMES: readonly Regime[] = ['normal', 'warning', 'firing'];

export type Comparison = '>' | '>=' | '<' | '<=';

export interface SamplePoint {
	/** Minutes since the start of the sample. */
	minute: number;
	value: number;
}

export interface ClassifiedPoint extends SamplePoint {
	regime: Regime;
}

/** `5m`, `10m`, `1h`, `1h30m`, `30s`, `0m` (Prometheus durations; days and weeks too) to minutes. */
export function parseDurationMinutes(text: string): number {
	const trimmed = text.trim();
	const units: Record<string, number> = { ms: 1 / 60_000, s: 1 / 60, m: 1, h: 60, d: 1440, w: 10_080, y: 525_600 };
	const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)];
	if (!trimmed || parts.map((p) => p[0]).join('') !== trimmed)
		throw new Error(`"${text}" is not a duration like 5m, 10m or 1h`);
	return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/**
 * The comparison at the end of an alert expression (`... > 0.02`), if there is one. Charts use it to check that the
 * threshold they draw (from `thresholds:` in facts) is the one the deployed rule uses.
 */
export function exprComparison(expr: string): { op: Comparison; value: number } | undefined {
	const match = /(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(expr.trim());
	if (!match) return undefined;
	return { op: match[1] as Comparison, value: Number(match[2]) };
}

/**
 * Whether a threshold as people read it matches the number in the rule. Rules often compare a ratio (0.02) with a
 * threshold kept as a percentage (2): both spellings count.
 */
export function thresholdMatchesExpr(threshold: number, exprValue: number): boolean {
	const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
	return close(threshold, exprValue) || close(threshold / 100, exprValue);
}

/** `"0.2 0.3, 0.25"` (spaces or commas) or a number array, to numbers. Throws on anything that is not a number. */
export function parseValues(values: string | readonly number[]): number[] {
	const list =
		typeof values === 'string'
			? values
					.split(/[\s,]+/)
					.filter(Boolean)
					.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN))
			: [...values];
	const bad = list.findIndex((v) => !Number.isFinite(v));
	if (bad >= 0) {
		const raw = typeof values === 'string' ? values.split(/[\s,]+/).filter(Boolean)[bad] : String(values[bad]);
		throw new Error(`sample ${bad + 1} ("${raw}") is not a number`);
	}
	return list;
}

export function toPoints(values: readonly number[], stepMinutes: number): SamplePoint[] {
	return values.map((value, i) => ({ minute: round(i * stepMinutes, 6), value }));
}

/** Whether one value breaches the threshold, in the rule's direction. */
export function breaches(value: number, threshold: number, op: Comparison = '>'): boolean {
	switch (op) {
		case '>':
			return value > threshold;
		case '>=':
			return value >= threshold;
		case '<':
			return value < threshold;
		case '<=':
			return value <= threshold;
	}
}

/**
 * Regime of every sample. A breach starts a run; the run is "warning" until it has lasted `forMinutes`, then
 * "firing". A sample on the good side ends the run (and would reset Prometheus's pending timer the same way).
 */
export function classify(
	points: readonly SamplePoint[],
	threshold: number,
	forMinutes: number,
	op: Comparison = '>',
): ClassifiedPoint[] {
	let runStart: number | undefined;
	return points.map((p) => {
		if (!breaches(p.value, threshold, op)) {
			runStart = undefined;
			return { ...p, regime: 'normal' };
		}
		runStart ??= p.minute;
		return { ...p, regime: p.minute - runStart >= forMinutes - 1e-9 ? 'firing' : 'warning' };
	});
}

export interface RegimeSpan {
	regime: Regime;
	/** Indexes of the first and last sample of the span. */
	first: number;
	last: number;
	/** Where the span starts and ends on the time axis: half-way to the neighbouring samples, clamped to the data. */
	from: number;
	to: number;
}

/** Consecutive samples of the same regime, as spans along the time axis (the shaded bands of the chart). */
export function regimeSpans(points: readonly ClassifiedPoint[]): RegimeSpan[] {
	const spans: RegimeSpan[] = [];
	points.forEach((p, i) => {
		const open = spans.at(-1);
		if (open && open.regime === p.regime) open.last = i;
		else spans.push({ regime: p.regime, first: i, last: i, from: 0, to: 0 });
	});
	const start = points[0]?.minute ?? 0;
	const end = points.at(-1)?.minute ?? 0;
	for (const s of spans) {
		s.from = s.first === 0 ? start : (points[s.first - 1]!.minute + points[s.first]!.minute) / 2;
		s.to = s.last === points.length - 1 ? end : (points[s.last]!.minute + points[s.last + 1]!.minute) / 2;
	}
	return spans;
}

/** The moments worth a callout: the first breach (pending starts) and the first firing sample. */
export interface ChartEvents {
	breach?: ClassifiedPoint;
	firing?: ClassifiedPoint;
	/** First normal sample after firing: the alert resolves. */
	resolved?: ClassifiedPoint;
}

export function chartEvents(points: readonly ClassifiedPoint[]): ChartEvents {
	const firingAt = points.findIndex((p) => p.regime === 'firing');
	const firing = firingAt >= 0 ? points[firingAt] : undefined;
	// The breach that led to firing: the start of that run (an earlier run that dipped back is not the one).
	let breachAt = firingAt >= 0 ? firingAt : points.findIndex((p) => p.regime === 'warning');
	while (breachAt > 0 && points[breachAt - 1]!.regime !== 'normal') breachAt--;
	const breach = breachAt >= 0 ? points[breachAt] : undefined;
	const resolved = firingAt >= 0 ? points.slice(firingAt).find((p) => p.regime === 'normal') : undefined;
	return { ...(breach ? { breach } : {}), ...(firing ? { firing } : {}), ...(resolved ? { resolved } : {}) };
}

/** Problems that make a sample unfit to teach the three regimes; empty when it is fine. */
export function seriesProblems(points: readonly ClassifiedPoint[], forMinutes: number): string[] {
	const problems: string[] = [];
	if (points.length < 3) problems.push(`needs at least 3 samples, has ${points.length}`);
	if (forMinutes <= 0)
		problems.push('the alert fires on the first breach (for: 0m), so it has no warning (pending) phase to show');
	for (const regime of REGIMES) {
		if (points.length >= 3 && !points.some((p) => p.regime === regime)) {
			const hint =
				regime === 'normal'
					? 'start the sample below the threshold'
					: regime === 'warning'
						? 'the sample must cross the threshold'
						: `stay past the threshold for at least the rule's for: (${formatNumber(forMinutes)} min)`;
			problems.push(`never reaches "${regime}": ${hint}`);
		}
	}
	return problems;
}

// Scales and ticks come from d3-scale (chart-scale.ts): the maintained implementation of round steps.
export { linearScale, niceStep, niceTicks };

/** `M x y L x y …` through the points, coordinates rounded to 0.01 px. */
export function linePath(points: ReadonlyArray<{ x: number; y: number }>): string {
	return points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x, 2)} ${round(p.y, 2)}`).join(' ');
}

export function formatNumber(v: number): string {
	return String(round(v, 4));
}

/** A value with its unit as people write it: `2%`, `1.5 s`, `500 uploads`. */
export function formatValue(v: number, unit: string): string {
	if (!unit) return formatNumber(v);
	return unit === '%' ? `${formatNumber(v)}%` : `${formatNumber(v)} ${unit}`;
}

export const REGIME_LABELS: Record<Regime, string> = {
	normal: 'Normal',
	warning: 'Warning (pending)',
	firing: 'Firing',
};

export interface ChartOptions {
	values: string | readonly number[];
	/** Minutes between samples. */
	stepMinutes?: number;
	threshold: number;
	/** The rule's `for:` in minutes. */
	forMinutes: number;
	op?: Comparison;
	/** Normal level (facts `baselines:`), drawn as a second reference line. */
	baseline?: number | undefined;
	/** Top of the value axis; default: a round number above the data, the threshold and the baseline. */
	yMax?: number | undefined;
	width?: number;
	height?: number;
	/** Texts of the reference line labels, to place them where the series does not run through them. */
	labels?: { threshold?: string; baseline?: string };
}

export interface Tick {
	value: number;
	/** Pixel position along its axis. */
	at: number;
	label: string;
}

export interface ChartBand extends RegimeSpan {
	x: number;
	width: number;
	label: string;
}

export interface ChartCallout {
	/** 1-based number shown in the chart and in the list under it. */
	n: number;
	kind: keyof ChartEvents;
	point: ClassifiedPoint;
	x: number;
	y: number;
}

/** Where a reference line's label goes: `x` is the text anchor point (`anchor` says which end), `y` the baseline. */
export interface LabelPlacement {
	x: number;
	y: number;
	anchor: 'start' | 'end';
}

export interface ChartModel {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	points: Array<ClassifiedPoint & { x: number; y: number }>;
	path: string;
	xTicks: Tick[];
	yTicks: Tick[];
	thresholdY: number;
	baselineY?: number;
	thresholdLabel: LabelPlacement;
	baselineLabel?: LabelPlacement;
	bands: ChartBand[];
	callouts: ChartCallout[];
	events: ChartEvents;
	problems: string[];
}

/** Margins leave room for the value labels (left), the time labels and axis title (bottom), the band labels (top). */
const MARGIN = { left: 64, right: 20, top: 40, bottom: 52 };

export function buildChart(options: ChartOptions): ChartModel {
	const width = options.width ?? 560;
	const height = options.height ?? 300;
	const step = options.stepMinutes ?? 1;
	if (!(step > 0)) throw new Error(`step must be a positive number of minutes, not ${step}`);
	const op = options.op ?? '>';
	const raw = toPoints(parseValues(options.values), step);
	const classified = classify(raw, options.threshold, options.forMinutes, op);
	const problems = seriesProblems(classified, options.forMinutes);
	if (options.yMax !== undefined && raw.some((p) => p.value > options.yMax!))
		problems.push(`a sample is above the axis maximum (${options.yMax}): raise it or leave it out`);

	const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
	const lastMinute = raw.at(-1)?.minute ?? 0;
	const references = [options.threshold, ...(options.baseline === undefined ? [] : [options.baseline])];
	const dataMax = Math.max(...raw.map((p) => p.value), ...references);
	const dataMin = Math.min(0, ...raw.map((p) => p.value), ...references);
	const yTickValues = niceTicks(dataMin, options.yMax ?? dataMax * 1.1, 5);
	const yTop = options.yMax ?? yTickValues.at(-1)!;
	const yBottom = yTickValues[0]!;
	const x = linearScale([0, lastMinute], [plot.left, plot.right]);
	const y = linearScale([yBottom, yTop], [plot.bottom, plot.top]);

	const points = classified.map((p) => ({ ...p, x: round(x(p.minute), 2), y: round(y(p.value), 2) }));
	const xTickValues = niceTicks(0, lastMinute, Math.min(8, Math.max(1, Math.round(lastMinute / step)))).filter(
		(v) => v <= lastMinute + 1e-9,
	);
	const events = chartEvents(classified);
	const calloutKinds: Array<keyof ChartEvents> = ['breach', 'firing', 'resolved'];
	const callouts = calloutKinds
		.filter((k) => events[k])
		.map((kind, i) => {
			const point = points.find((p) => p.minute === events[kind]!.minute)!;
			return { n: i + 1, kind, point: events[kind]!, x: point.x, y: point.y };
		});

	const thresholdY = round(y(options.threshold), 2);
	const baselineY = options.baseline === undefined ? undefined : round(y(options.baseline), 2);
	const obstacles: Obstacle[] = [...callouts.map((c) => ({ x: c.x, y: calloutCentre(c, plot), r: 11 }))];
	const thresholdLabel = placeLineLabel(
		thresholdY,
		textWidth(options.labels?.threshold ?? formatNumber(options.threshold)),
		plot,
		points,
		[...obstacles, ...(baselineY === undefined ? [] : [{ x: Number.NaN, y: baselineY, r: 2 }])],
	);
	const baselineLabel =
		baselineY === undefined
			? undefined
			: placeLineLabel(
					baselineY,
					textWidth(options.labels?.baseline ?? formatNumber(options.baseline!)),
					plot,
					points,
					[
						...obstacles,
						{ x: Number.NaN, y: thresholdY, r: 2 },
						labelObstacle(thresholdLabel, textWidth(options.labels?.threshold ?? formatNumber(options.threshold))),
					],
				);

	return {
		width,
		height,
		plot,
		points,
		path: linePath(points),
		xTicks: xTickValues.map((v) => ({ value: v, at: round(x(v), 2), label: formatNumber(v) })),
		yTicks: yTickValues
			.filter((v) => v <= yTop + 1e-9)
			.map((v) => ({ value: v, at: round(y(v), 2), label: formatNumber(v) })),
		thresholdY,
		thresholdLabel,
		...(baselineY === undefined ? {} : { baselineY, baselineLabel: baselineLabel! }),
		bands: regimeSpans(classified).map((s) => ({
			...s,
			x: round(x(s.from), 2),
			width: round(x(s.to) - x(s.from), 2),
			label: REGIME_LABELS[s.regime],
		})),
		callouts,
		events,
		problems,
	};
}

/** Rough width of a 12 px bold label, enough to keep labels apart (no font metrics at build time). */
export function textWidth(text: string): number {
	return text.length * 7;
}

/** A callout's circle floats above its point, or below it when the point is near the top of the plot. */
export function calloutCentre(c: { y: number }, plot: { top: number }): number {
	return c.y - 22 < plot.top + 10 ? c.y + 22 : c.y - 22;
}

/** Something a label must keep clear of: a circle, or (x NaN) a horizontal line at y. */
export interface Obstacle {
	x: number;
	y: number;
	r: number;
	/** Half width, for rectangular obstacles (other labels). */
	w?: number;
}

/** The series' y at horizontal position x (linear between samples), or undefined outside the data. */
export function seriesYAt(points: ReadonlyArray<{ x: number; y: number }>, x: number): number | undefined {
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		if (x >= a.x && x <= b.x) return b.x === a.x ? a.y : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
	}
	return undefined;
}

/**
 * A label for a horizontal reference line: above or below it, at the right or the left end of the plot, in that order
 * of preference, taking the first position that keeps LABEL_CLEARANCE pixels from the series and the obstacles
 * (callouts, other lines and labels); when none does, the one with the most room.
 */
const LABEL_CLEARANCE = 6;

export function placeLineLabel(
	lineY: number,
	width: number,
	plot: { left: number; top: number; right: number; bottom: number },
	series: ReadonlyArray<{ x: number; y: number }>,
	obstacles: readonly Obstacle[] = [],
): LabelPlacement {
	const candidates: LabelPlacement[] = [
		{ x: plot.right - 6, y: lineY - 7, anchor: 'end' },
		{ x: plot.right - 6, y: lineY + 16, anchor: 'end' },
		{ x: plot.left + 6, y: lineY - 7, anchor: 'start' },
		{ x: plot.left + 6, y: lineY + 16, anchor: 'start' },
	];
	let best = candidates[0]!;
	let bestScore = -Infinity;
	for (const c of candidates) {
		const box = labelBox(c, width);
		if (box.top < plot.top + 2 || box.bottom > plot.bottom - 2) continue;
		let clearance = Infinity;
		for (let x = box.left; x <= box.right; x += 3) {
			const sy = seriesYAt(series, x);
			if (sy !== undefined) clearance = Math.min(clearance, gap(sy, box.top, box.bottom));
		}
		for (const o of obstacles) {
			const overlapsX = Number.isNaN(o.x) || (o.x + (o.w ?? o.r) >= box.left && o.x - (o.w ?? o.r) <= box.right);
			if (overlapsX) clearance = Math.min(clearance, gap(o.y, box.top - o.r, box.bottom + o.r));
		}
		// The first position in order of preference with room to breathe wins; otherwise the least crowded one.
		if (clearance >= LABEL_CLEARANCE) return c;
		if (clearance > bestScore + 1e-9) [best, bestScore] = [c, clearance];
	}
	return best;
}

function labelBox(p: LabelPlacement, width: number) {
	const left = p.anchor === 'end' ? p.x - width : p.x;
	return { left, right: left + width, top: p.y - 12, bottom: p.y + 3 };
}

function labelObstacle(p: LabelPlacement, width: number): Obstacle {
	const box = labelBox(p, width);
	return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, r: (box.bottom - box.top) / 2, w: width / 2 };
}

/** Distance from y to the band [top, bottom]; 0 inside it. */
function gap(y: number, top: number, bottom: number): number {
	return y < top ? top - y : y > bottom ? y - bottom : 0;
}

export interface DescribeOptions {
	alert: string;
	metric: string;
	unit: string;
	threshold: number;
	forText: string;
	baseline?: number | undefined;
}

/** One paragraph saying what the chart shows, for the SVG's <desc> and any text-only rendering (Markdown export). */
export function describeChart(model: Pick<ChartModel, 'points' | 'bands' | 'events'>, o: DescribeOptions): string {
	const v = (n: number) => formatValue(n, o.unit);
	const first = model.points[0];
	const last = model.points.at(-1);
	if (!first || !last) return `${o.alert}: no samples.`;
	const parts = [
		`Sample of ${o.metric} over ${formatNumber(last.minute - first.minute)} minutes, with the ${o.alert} threshold at ${v(o.threshold)}` +
			(o.baseline === undefined ? '.' : ` and the normal baseline at ${v(o.baseline)}.`),
	];
	for (const band of model.bands) {
		const slice = model.points.slice(band.first, band.last + 1).map((p) => p.value);
		const range =
			Math.min(...slice) === Math.max(...slice) ? v(slice[0]!) : `${v(Math.min(...slice))} to ${v(Math.max(...slice))}`;
		parts.push(
			`${REGIME_LABELS[band.regime]} from minute ${formatNumber(model.points[band.first]!.minute)} to ${formatNumber(model.points[band.last]!.minute)} (${range}).`,
		);
	}
	const { breach, firing, resolved } = model.events;
	if (breach)
		parts.push(`The value crosses the threshold at minute ${formatNumber(breach.minute)}: the alert is pending.`);
	if (firing)
		parts.push(
			`At minute ${formatNumber(firing.minute)} it has stayed past the threshold for ${o.forText}: the alert fires.`,
		);
	if (resolved)
		parts.push(
			`At minute ${formatNumber(resolved.minute)} the value is back on the normal side of the threshold and the alert resolves.`,
		);
	return parts.join(' ');
}

function round(v: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}
