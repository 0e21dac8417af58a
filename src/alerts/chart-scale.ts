/**
 * The alert chart's scale and ticks on d3-scale, replacing the hand-written linearScale / niceStep / niceTicks of
 * src/alerts/alert-chart.ts with the same signatures: swap the import in buildChart().
 *
 * What changes (tests/unit/hardening/chart-scale.test.ts compares both on the five charts of
 * content/training/alert-interpretation.mdx): d3 picks steps of 1, 2 or 5 times a power of ten, rounding the raw
 * step to the nearest of them on a log scale (it moves up at √2, √10 and √50); the hand-written one also had 2.5 and
 * always rounded up. So d3 may give one more tick, never one fewer than about `count`. Ticks are exact decimals
 * (d3 divides by the inverse step instead of adding 0.1 repeatedly), so no rounding pass is needed.
 */
import { scaleLinear } from 'd3-scale';

/**
 * A linear scale from a domain to a range (pixels). A zero-width domain maps everything to the range's start, as
 * before (d3 alone would give the middle of the range).
 */
export function linearScale(
	domain: readonly [number, number],
	range: readonly [number, number],
): (v: number) => number {
	if (domain[0] === domain[1]) return () => range[0];
	const scale = scaleLinear().domain([domain[0], domain[1]]).range([range[0], range[1]]);
	return (v) => scale(v);
}

/** A round step (1, 2 or 5 times a power of ten) that splits `span` into about `count` intervals. */
export function niceStep(span: number, count: number): number {
	if (!(span > 0) || count < 1) return 1;
	const ticks = scaleLinear().domain([0, span]).nice(count).ticks(count);
	if (ticks.length < 2) return span;
	// Two exact decimals (d3 builds them as i / 10^k); their difference can carry a float error: round it away.
	return Number((ticks[1]! - ticks[0]!).toPrecision(12));
}

/** Ticks from the round value at or below `min` to the first round value at or above `max`, `count` intervals or so. */
export function niceTicks(min: number, max: number, count: number): number[] {
	if (!(max > min)) return [min];
	return scaleLinear().domain([min, max]).nice(count).ticks(count);
}
