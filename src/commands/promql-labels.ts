/**
 * schema/unknown-label for PromQL. Each expression's label set is worked out bottom-up from the selectors of
 * declared metrics, the way Prometheus builds result labels (aggregations keep their `by` labels or drop their
 * `without` labels; one-to-one matching `on(…)` keeps only those; group_left/right adds the listed labels). Then:
 *
 *   - a matcher on a declared metric must name one of its labels (+ metricTargetLabels, + `le` on `_bucket`,
 *     `quantile` on a summary);
 *   - `by`/`without` labels of an aggregation must be on the series it aggregates;
 *   - `on`/`ignoring`/`group_left`/`group_right` labels must be on the sides they match or copy from;
 *   - label_replace/label_join source labels must exist; their target label exists afterwards.
 *
 * An expression with any undeclared metric in it has an unknown label set, and nothing over it is checked: the
 * rule only speaks about what the facts declare.
 */
import type { SyntaxNode } from '@lezer/common';
import { metricName, unquote } from './promql-selectors.ts';
import { childrenOf, type ParsedQuery } from './queries.ts';
import type { CommandSchema, Finding, RuleContext } from './types.ts';

type Info = { kind: 'none' } | { kind: 'scalar' } | { kind: 'vector'; labels: Set<string> | null; from: string[] };

const NONE: Info = { kind: 'none' };
const SCALAR: Info = { kind: 'scalar' };
const KEEP_LABELS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);
const SET_OPS = new Set(['And', 'Or', 'Unless']);

/** The labels a series of `name` carries, when the schema declares its metric. */
export function seriesLabels(name: string, schema: CommandSchema | undefined): Set<string> | undefined {
	const metrics = schema?.metrics;
	if (!metrics) return undefined;
	const target = schema.metricTargetLabels ?? [];
	const direct = metrics[name];
	if (direct) return new Set([...direct.labels, ...target, ...(direct.type === 'summary' ? ['quantile'] : [])]);
	const [, base, suffix] = /^(.*)_(bucket|sum|count)$/.exec(name) ?? [];
	const parent = base ? metrics[base] : undefined;
	if (parent?.type === 'histogram') {
		return new Set([...parent.labels, ...target, ...(suffix === 'bucket' ? ['le'] : [])]);
	}
	if (parent?.type === 'summary' && suffix !== 'bucket') return new Set([...parent.labels, ...target]);
	return undefined;
}

export function promqlLabelFindings(q: ParsedQuery, context: RuleContext): Finding[] {
	const schema = context.schema;
	if (!schema?.metrics) return [];
	const findings: Finding[] = [];
	const text = (n: SyntaxNode) => q.text.slice(n.from, n.to);
	const isPlaceholder = (n: SyntaxNode) =>
		context.placeholders.some((p) => p.start < q.start + n.to && p.end > q.start + n.from);
	const report = (n: SyntaxNode, message: string) =>
		findings.push({ offset: q.start + n.from, rule: 'schema/unknown-label', message });
	const labelNodes = (n: SyntaxNode | null | undefined) =>
		n ? childrenOf(n).filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName') : [];
	const labelText = (n: SyntaxNode) => unquote(text(n));
	const explain = (info: { labels: Set<string> | null; from: string[] }) => {
		const names = [...new Set(info.from)].join(', ') || 'these series';
		return `${names} (labels: ${[...(info.labels ?? [])].sort().join(', ') || 'none'})`;
	};

	const visit = (n: SyntaxNode): Info => {
		switch (n.name) {
			case 'VectorSelector':
				return selector(n);
			case 'NumberDurationLiteral':
			case 'StringLiteral':
				return SCALAR;
			case 'AggregateExpr':
				return aggregate(n);
			case 'BinaryExpr':
				return binary(n);
			case 'FunctionCall':
				return call(n);
			default:
				return combine(childrenOf(n).map(visit));
		}
	};

	const selector = (n: SyntaxNode): Info => {
		const name = metricName(n, q);
		const labels = name && !isPlaceholder(n) ? seriesLabels(name.text, schema) : undefined;
		if (!name || !labels) return { kind: 'vector', labels: null, from: [] };
		for (const matcher of childrenOf(n.getChild('LabelMatchers') ?? n)) {
			const label =
				matcher.getChild('LabelName') ?? (matcher.getChild('MatchOp') ? matcher.getChild('QuotedLabelName') : null);
			if (!label || isPlaceholder(label)) continue;
			const value = labelText(label);
			if (value !== '__name__' && !labels.has(value)) {
				report(label, `label "${value}" is not declared for ${explain({ labels, from: [name.text] })}`);
			}
		}
		return { kind: 'vector', labels, from: [name.text] };
	};

	const aggregate = (n: SyntaxNode): Info => {
		const op = text(n.getChild('AggregateOp') ?? n).toLowerCase();
		const modifier = n.getChild('AggregateModifier');
		const without = !!modifier?.getChild('Without');
		const grouping = labelNodes(modifier?.getChild('GroupingLabels'));
		const args = childrenOf(n.getChild('FunctionCallBody') ?? n);
		const infos = args.map(visit);
		const vector = infos.findLast((i) => i.kind === 'vector');
		const labels = vector?.kind === 'vector' ? vector.labels : null;
		const from = vector?.kind === 'vector' ? vector.from : [];
		if (labels && vector?.kind === 'vector') {
			for (const g of grouping) {
				if (!isPlaceholder(g) && !labels.has(labelText(g))) {
					report(g, `${without ? 'without' : 'by'} (${labelText(g)}): the label is not on ${explain(vector)}`);
				}
			}
		}
		if (KEEP_LABELS.has(op)) return { kind: 'vector', labels, from };
		const names = grouping.map(labelText);
		let result: Set<string> | null;
		if (!modifier) result = new Set();
		else if (without) result = labels ? new Set([...labels].filter((l) => !names.includes(l))) : null;
		else result = new Set(names);
		if (op === 'count_values' && result && args[0]?.name === 'StringLiteral') result.add(unquote(text(args[0])));
		return { kind: 'vector', labels: result, from };
	};

	const binary = (n: SyntaxNode): Info => {
		const parts = childrenOf(n);
		const left = visit(parts[0]!);
		const right = visit(parts.at(-1)!);
		if (left.kind !== 'vector' || right.kind !== 'vector') {
			return left.kind === 'vector' ? left : right.kind === 'vector' ? right : SCALAR;
		}
		const from = [...left.from, ...right.from];
		const op = parts.find((p) => SET_OPS.has(p.name))?.name;
		const clause = n.getChild('MatchingModifierClause');
		const clauseParts = clause ? childrenOf(clause) : [];
		const on = clauseParts.some((p) => p.name === 'On');
		const matching = labelNodes(clauseParts.find((p) => p.name === 'GroupingLabels'));
		const groupSide = clauseParts.find((p) => p.name === 'GroupLeft' || p.name === 'GroupRight');
		const extras = groupSide ? labelNodes(clauseParts.filter((p) => p.name === 'GroupingLabels')[1]) : [];
		for (const m of matching) {
			if (isPlaceholder(m)) continue;
			const l = labelText(m);
			const missing = [left, right].filter((side) => side.labels && !side.labels.has(l));
			const known = [left, right].filter((side) => side.labels);
			if (on ? missing.length > 0 : known.length === 2 && missing.length === 2) {
				report(m, `${on ? 'on' : 'ignoring'} (${l}): the label is not on ${explain(missing[0]!)}`);
			}
		}
		const one = groupSide?.name === 'GroupLeft' ? right : left;
		const grouping = groupSide?.name === 'GroupLeft' ? 'group_left' : 'group_right';
		for (const e of extras) {
			if (!isPlaceholder(e) && one.labels && !one.labels.has(labelText(e))) {
				report(e, `${grouping} (${labelText(e)}): the label is not on ${explain(one)}`);
			}
		}
		const union = (a: Set<string> | null, b: Iterable<string> | null) => (a && b ? new Set([...a, ...b]) : null);
		if (op === 'Or') return { kind: 'vector', labels: union(left.labels, right.labels), from };
		if (op) return { kind: 'vector', labels: left.labels, from };
		const names = matching.map(labelText);
		const extraNames = extras.map(labelText);
		if (groupSide) {
			return {
				kind: 'vector',
				labels: union(groupSide.name === 'GroupLeft' ? left.labels : right.labels, extraNames),
				from,
			};
		}
		if (on) return { kind: 'vector', labels: new Set(names), from };
		if (clause) {
			return {
				kind: 'vector',
				labels: left.labels && new Set([...left.labels].filter((l) => !names.includes(l))),
				from,
			};
		}
		return { kind: 'vector', labels: left.labels, from };
	};

	const call = (n: SyntaxNode): Info => {
		const id = n.getChild('FunctionIdentifier');
		const fn = id ? text(id) : '';
		const args = childrenOf(n.getChild('FunctionCallBody') ?? n);
		const infos = args.map(visit);
		if (fn === 'vector') return { kind: 'vector', labels: new Set(), from: [] };
		if (fn === 'absent' || fn === 'absent_over_time' || fn === 'info') {
			return { kind: 'vector', labels: null, from: [] };
		}
		if (fn === 'scalar' || fn === 'time' || fn === 'pi') return SCALAR;
		const first = infos.find((i) => i.kind === 'vector');
		if ((fn === 'label_replace' || fn === 'label_join') && first?.kind === 'vector') {
			const sources = fn === 'label_replace' ? args.slice(3, 4) : args.slice(3);
			for (const s of sources) {
				const l = unquote(text(s));
				if (s.name === 'StringLiteral' && l && !isPlaceholder(s) && first.labels && !first.labels.has(l)) {
					report(s, `${fn}: source label "${l}" is not on ${explain(first)}`);
				}
			}
			const target = args[1]?.name === 'StringLiteral' ? unquote(text(args[1])) : undefined;
			return {
				kind: 'vector',
				labels: first.labels && target !== undefined ? new Set([...first.labels, target]) : null,
				from: first.from,
			};
		}
		if (fn === 'histogram_quantile' && infos[1]?.kind === 'vector') {
			const v = infos[1];
			return {
				kind: 'vector',
				labels: v.labels && new Set([...v.labels].filter((l) => l !== 'le')),
				from: v.from,
			};
		}
		return combine(infos);
	};

	visit(q.tree.topNode);
	return findings;
}

/** The label set of an expression made of several: unknown if any part is unknown. */
function combine(infos: Info[]): Info {
	const vectors = infos.filter((i) => i.kind === 'vector');
	if (vectors.length === 0) return infos.some((i) => i.kind === 'scalar') ? SCALAR : NONE;
	if (vectors.some((v) => !v.labels)) return { kind: 'vector', labels: null, from: vectors.flatMap((v) => v.from) };
	return {
		kind: 'vector',
		labels: new Set(vectors.flatMap((v) => [...v.labels!])),
		from: vectors.flatMap((v) => v.from),
	};
}
