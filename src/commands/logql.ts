/**
 * LogQL: syntax with Grafana's lezer grammar, then schema/unknown-label when the facts declare a log schema.
 *
 * Stream selector labels (`{app="…"}`) must be stream labels. Names used after the selector (label filters,
 * `by`/`without`, `on`/`ignoring`/`group_*`, `unwrap`) must be stream labels, log fields (what `| json` and
 * `| logfmt` extract), labels the query itself creates (`| json name="path"`, `| label_format name=…`,
 * `(?P<name>…)` in `| regexp`, `<name>` in `| pattern`), or Loki's own (`__error__`, `__error_details__`,
 * `detected_level`). Names are not checked against where in the pipeline they appear: a field filtered before
 * its parser stage passes.
 */
import type { SyntaxNode } from '@lezer/common';
import type { LRParser } from '@lezer/lr';
import { unquote } from './promql-selectors.ts';
import { childrenOf, descendants, parseQueries, type ParsedQuery, type SyntaxFinding } from './queries.ts';
import type { Finding, RuleContext } from './types.ts';

const BUILT_IN = ['__error__', '__error_details__', 'detected_level'];
const FILTERS = new Set(['Matcher', 'NumberFilter', 'IpLabelFilter', 'DurationFilter', 'BytesFilter']);

export function checkLogql(
	parser: LRParser,
	text: string,
	context: RuleContext,
): { errors: SyntaxFinding[]; findings: Finding[] } {
	const { errors, queries } = parseQueries((t) => parser.parse(t), text, 'query', context.written);
	return { errors, findings: queries.flatMap((q) => logLabelFindings(q, context)) };
}

function logLabelFindings(q: ParsedQuery, context: RuleContext): Finding[] {
	const schema = context.schema?.logSchema;
	if (!schema) return [];
	const text = (n: SyntaxNode) => q.text.slice(n.from, n.to);
	const isPlaceholder = (n: SyntaxNode) =>
		context.placeholders.some((p) => p.start < q.start + n.to && p.end > q.start + n.from);
	const streamLabels = new Set(schema.labels);
	const known = new Set([...schema.labels, ...schema.fields, ...BUILT_IN, ...createdLabels(q)]);
	const findings: Finding[] = [];
	const check = (n: SyntaxNode | null, allowed: Set<string>, what: string) => {
		if (!n || isPlaceholder(n)) return;
		const name = unquote(text(n));
		if (allowed.has(name)) return;
		const list = (names: string[]) => names.join(', ') || 'none';
		const declared =
			what === 'stream label'
				? `labels: ${list(schema.labels)}`
				: `labels: ${list(schema.labels)}; fields: ${list(schema.fields)}`;
		findings.push({
			offset: q.start + n.from,
			rule: 'schema/unknown-label',
			message: `"${name}" is not a ${what} in the log schema (${declared})`,
		});
	};
	for (const selector of descendants(q.tree.topNode, new Set(['Selector']))) {
		for (const m of descendants(selector, new Set(['Matcher']))) {
			check(m.getChild('Identifier'), streamLabels, 'stream label');
		}
	}
	for (const filter of descendants(q.tree.topNode, new Set(['LabelFilter']))) {
		for (const f of childrenOf(filter)) {
			const leaf = f.name === 'UnitFilter' ? f.firstChild : f;
			if (leaf && FILTERS.has(leaf.name)) check(leaf.getChild('Identifier'), known, 'label or field');
		}
	}
	for (const labels of descendants(q.tree.topNode, new Set(['Labels']))) {
		for (const id of childrenOf(labels)) if (id.name === 'Identifier') check(id, known, 'label or field');
	}
	for (const id of descendants(q.tree.topNode, new Set(['LabelName']))) check(id, known, 'label or field');
	for (const unwrap of descendants(q.tree.topNode, new Set(['UnwrapExpr']))) {
		check(unwrap.getChild('Identifier'), known, 'label or field');
	}
	return findings;
}

/** Labels the query makes itself: extraction parameters, label_format targets, regexp groups, pattern captures. */
function createdLabels(q: ParsedQuery): string[] {
	const text = (n: SyntaxNode) => q.text.slice(n.from, n.to);
	const names: string[] = [];
	for (const n of descendants(q.tree.topNode, new Set(['LabelExtractionExpression', 'LabelFormatMatcher']))) {
		const id = n.getChild('Identifier');
		if (id) names.push(text(id));
	}
	for (const parser of descendants(q.tree.topNode, new Set(['LabelParser']))) {
		const kind = parser.firstChild?.name;
		const pattern = parser.getChild('String');
		if (!pattern) continue;
		const body = text(pattern);
		if (kind === 'Regexp') for (const m of body.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)) names.push(m[1]!);
		if (kind === 'Pattern') {
			for (const m of body.matchAll(/<([A-Za-z_][A-Za-z0-9_]*)>/g)) if (m[1] !== '_') names.push(m[1]!);
		}
	}
	return names;
}
