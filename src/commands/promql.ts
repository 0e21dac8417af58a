/**
 * PromQL: syntax with Prometheus's own lezer grammar, then three rules on the tree.
 *
 *   promql/empty-aggregate-equality  `sum(x) == 0`: an aggregate of no series is empty, not 0, so a test that 0
 *                                    would pass never fires when the series are missing (no data, broken scrape).
 *   promql/rate-on-gauge             rate/irate/increase of a metric that is not a counter.
 *   schema/unknown-label             a label a declared metric does not have (schema-labels.ts).
 */
import type { SyntaxNode } from '@lezer/common';
import type { LRParser } from '@lezer/lr';
import { childrenOf, descendants, parseQueries, type ParsedQuery, type SyntaxFinding } from './queries.ts';
import { promqlLabelFindings } from './promql-labels.ts';
import { metricName } from './promql-selectors.ts';
import type { Finding, MetricSchema, RuleContext } from './types.ts';

export function checkPromql(
	parser: LRParser,
	text: string,
	context: RuleContext,
): { errors: SyntaxFinding[]; findings: Finding[] } {
	const { errors, queries } = parseQueries((t) => parser.parse(t), text, 'query', context.written);
	const findings = queries.flatMap((q) => [
		...emptyAggregateEquality(q, context),
		...rateOnGauge(q, context),
		...promqlLabelFindings(q, context),
	]);
	return { errors, findings };
}

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
	Eql: (a, b) => a === b,
	Neq: (a, b) => a !== b,
	Lss: (a, b) => a < b,
	Lte: (a, b) => a <= b,
	Gtr: (a, b) => a > b,
	Gte: (a, b) => a >= b,
};
const GUARDS = new Set(['absent', 'absent_over_time', 'vector']);

function emptyAggregateEquality(q: ParsedQuery, context: RuleContext): Finding[] {
	const findings: Finding[] = [];
	for (const node of descendants(q.tree.topNode, new Set(['BinaryExpr']))) {
		const parts = childrenOf(node);
		const op = parts.find((p) => Object.hasOwn(COMPARISONS, p.name));
		const left = unwrap(parts[0]);
		const right = unwrap(parts.at(-1));
		if (!op || !left || !right) continue;
		const [aggregate, literal, aggregateFirst] =
			left.name === 'AggregateExpr' ? [left, right, true] : right.name === 'AggregateExpr' ? [right, left, false] : [];
		if (!aggregate || !literal) continue;
		const value = numberOf(literal, q, context);
		if (value === undefined) continue;
		const test = COMPARISONS[op.name]!;
		if (!(aggregateFirst ? test(0, value) : test(value, 0))) continue;
		if (guarded(aggregate, node, q)) continue;
		const name = q.text.slice(aggregate.from, aggregate.firstChild!.to);
		const comparison = `${name}(…) ${q.text.slice(op.from, op.to)} ${q.text.slice(literal.from, literal.to)}`;
		findings.push({
			offset: q.start + aggregate.from,
			rule: 'promql/empty-aggregate-equality',
			message:
				`${comparison} never holds when the series are missing: ${name}() of no series is empty, not 0. ` +
				`Write (${name}(…) or vector(0)) ${q.text.slice(op.from, op.to)} …, or test with absent(…)`,
		});
	}
	return findings;
}

/** Parentheses do not change what an expression is. */
function unwrap(node: SyntaxNode | undefined): SyntaxNode | undefined {
	let n = node;
	while (n?.name === 'ParenExpr') n = n.firstChild ?? undefined;
	return n;
}

/** A number literal's value (`0`, `-1`, `1e3`); undefined for anything else, or for a placeholder. */
function numberOf(node: SyntaxNode, q: ParsedQuery, context: RuleContext): number | undefined {
	let sign = 1;
	let n: SyntaxNode | undefined = node;
	if (n.name === 'UnaryExpr') {
		sign = n.firstChild?.name === 'Sub' ? -1 : 1;
		n = unwrap(n.lastChild ?? undefined);
	}
	if (n?.name !== 'NumberDurationLiteral') return undefined;
	const from = q.start + n.from;
	if (context.placeholders.some((p) => p.start < q.start + n.to && p.end > from)) return undefined;
	const text = q.text.slice(n.from, n.to).toLowerCase();
	const value = text === 'inf' ? Infinity : Number(text);
	return Number.isNaN(value) ? undefined : sign * value;
}

/**
 * `(sum(x) or vector(0)) == 0`, `sum(x or vector(0)) == 0` and `sum(x) == 0 or absent(x)` do fire without data:
 * an absent() or vector() inside the aggregate, or on the other side of an `or` above the comparison.
 */
function guarded(aggregate: SyntaxNode, comparison: SyntaxNode, q: ParsedQuery): boolean {
	if (callsGuard(aggregate, q)) return true;
	for (let child = comparison, parent = comparison.parent; parent; child = parent, parent = parent.parent) {
		if (parent.name !== 'BinaryExpr') continue;
		const parts = childrenOf(parent);
		if (!parts.some((p) => p.name === 'Or')) continue;
		const other = parts[0]!.from === child.from ? parts.at(-1)! : parts[0]!;
		if (callsGuard(other, q)) return true;
	}
	return false;
}

function callsGuard(node: SyntaxNode, q: ParsedQuery): boolean {
	return descendants(node, new Set(['FunctionIdentifier'])).some((f) => GUARDS.has(q.text.slice(f.from, f.to)));
}

const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);
const COUNTER_SUFFIX = /_(?:total|count|sum|bucket)$/;

function rateOnGauge(q: ParsedQuery, context: RuleContext): Finding[] {
	const findings: Finding[] = [];
	for (const call of descendants(q.tree.topNode, new Set(['FunctionCall']))) {
		const id = call.getChild('FunctionIdentifier');
		const fn = id ? q.text.slice(id.from, id.to) : '';
		if (!RATE_FUNCTIONS.has(fn)) continue;
		const selector = rangeSelector(call.getChild('FunctionCallBody')?.firstChild ?? null);
		const name = selector && metricName(selector, q);
		if (!name || context.placeholders.some((p) => p.start < q.start + name.to && p.end > q.start + name.from)) {
			continue;
		}
		const declared = declaredType(name.text, context.schema?.metrics);
		const problem =
			declared === 'gauge' || declared === 'summary'
				? `"${name.text}" is declared as a ${declared} in the metric schema`
				: declared === undefined && !COUNTER_SUFFIX.test(name.text)
					? `"${name.text}" does not look like a counter (no _total, _count, _sum or _bucket suffix)`
					: undefined;
		if (!problem) continue;
		findings.push({
			offset: q.start + id!.from,
			rule: 'promql/rate-on-gauge',
			message:
				`${fn}() of a gauge: ${problem}. ${fn}() reads every drop as a counter reset and gives nonsense; ` +
				`use deriv() or delta() for a gauge, or declare the metric as a counter in the facts if it is one`,
		});
	}
	return findings;
}

/** The selector a range function reads: `x[5m]` or the subquery `x[5m:1m]`. */
function rangeSelector(arg: SyntaxNode | null): SyntaxNode | undefined {
	let n = unwrap(arg ?? undefined);
	if (n?.name === 'MatrixSelector' || n?.name === 'SubqueryExpr') n = unwrap(n.firstChild ?? undefined);
	while (n?.name === 'OffsetExpr' || n?.name === 'StepInvariantExpr') n = unwrap(n.firstChild ?? undefined);
	return n?.name === 'VectorSelector' ? n : undefined;
}

/** The declared type of a series name; `x_bucket`, `x_sum` and `x_count` of a declared histogram are counters. */
function declaredType(
	name: string,
	metrics: Record<string, MetricSchema> | undefined,
): MetricSchema['type'] | undefined {
	const direct = metrics?.[name];
	if (direct) return direct.type;
	const [, base, suffix] = /^(.*)_(bucket|sum|count)$/.exec(name) ?? [];
	const parent = base ? metrics?.[base] : undefined;
	return parent?.type === 'histogram' || (parent?.type === 'summary' && suffix !== 'bucket') ? 'counter' : undefined;
}
