/**
 * Alerts as teams deploy them: Prometheus rule files (`groups: [{ rules: [{ alert, expr, annotations }] }]`) and
 * Kubernetes PrometheusRule objects (the same under `spec:`, several per file, or in a `kind: List`), read from the
 * globs of config `alertRules`. Each alert keeps its file and line, and the position of its runbook_url annotation so
 * `opsbook alerts --write` can change that one value and nothing else (templates like `{{ $labels.pod }}` stay).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import type { ContentProblem } from '../core/errors.ts';
import { readText } from '../core/text-input.ts';

export interface RuleAlert {
	name: string;
	file: string;
	line: number;
	expr?: string | undefined;
	for?: string | undefined;
	severity?: string | undefined;
	summary?: string | undefined;
	runbookUrl?: string | undefined;
	/** Offsets of the runbook_url value, or of the place a new annotation goes. */
	edit: RunbookUrlEdit;
}

export type RunbookUrlEdit =
	| { kind: 'replace'; start: number; end: number }
	| { kind: 'insert-annotation'; at: number; indent: string }
	| { kind: 'insert-annotations'; at: number; indent: string };

export function ruleFiles(patterns: readonly string[]): string[] {
	const files = new Set<string>();
	for (const pattern of patterns) for (const f of fs.globSync(pattern)) files.add(path.resolve(f));
	return [...files].sort();
}

export function loadRuleAlerts(patterns: readonly string[]): {
	alerts: RuleAlert[];
	problems: ContentProblem[];
	files: string[];
} {
	const files = ruleFiles(patterns);
	const alerts: RuleAlert[] = [];
	const problems: ContentProblem[] = [];
	for (const file of files) {
		const parsed = parseRuleFile(file, readText(file));
		alerts.push(...parsed.alerts);
		problems.push(...parsed.problems);
	}
	return { alerts, problems, files };
}

export function parseRuleFile(file: string, text: string): { alerts: RuleAlert[]; problems: ContentProblem[] } {
	const counter = new LineCounter();
	const docs = parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false });
	const alerts: RuleAlert[] = [];
	const problems: ContentProblem[] = [];
	const lineAt = (offset: number) => counter.linePos(offset).line;
	for (const doc of Array.isArray(docs) ? docs : [docs]) {
		if (doc.errors.length) {
			const e = doc.errors[0]!;
			// Helm templates (`{{- if .Values… }}`) are not YAML until rendered: reported, never fatal.
			problems.push({
				file,
				line: e.linePos?.[0].line ?? 1,
				field: 'alert rules',
				message: `not read: ${e.message.split('\n')[0]}`,
			});
			continue;
		}
		for (const groups of groupLists(doc.contents as Node | null)) {
			for (const group of groups.items) {
				if (!isMap(group)) continue;
				const rules = group.get('rules', true);
				if (!isSeq(rules)) continue;
				for (const rule of rules.items) {
					if (!isMap(rule)) continue;
					const name = rule.get('alert');
					if (typeof name !== 'string') continue;
					alerts.push(ruleAlert(file, text, rule, name, lineAt));
				}
			}
		}
	}
	return { alerts, problems };
}

/** `groups:` at the top, under `spec:` (PrometheusRule), or in each item of a `kind: List`. */
function groupLists(node: Node | null): Array<{ items: unknown[] }> {
	if (!isMap(node)) return [];
	const out: Array<{ items: unknown[] }> = [];
	const direct = node.get('groups', true);
	if (isSeq(direct)) out.push(direct);
	const spec = node.get('spec', true);
	const specGroups = isMap(spec) ? spec.get('groups', true) : undefined;
	if (isSeq(specGroups)) out.push(specGroups);
	const items = node.get('items', true);
	if (isSeq(items)) for (const item of items.items) out.push(...groupLists(item as Node));
	return out;
}

function ruleAlert(file: string, text: string, rule: YAMLMap, name: string, lineAt: (o: number) => number): RuleAlert {
	const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
	const labels = rule.get('labels', true);
	const annotations = rule.get('annotations', true);
	const keyNode = rule.items.find((p) => isScalar(p.key) && p.key.value === 'alert')?.key as
		| { range?: [number, number, number] }
		| undefined;
	const at = keyNode?.range?.[0] ?? 0;
	const alert: RuleAlert = {
		name,
		file,
		line: lineAt(at),
		expr: str(rule.get('expr')),
		for: str(rule.get('for')),
		severity: isMap(labels) ? str(labels.get('severity')) : undefined,
		summary: isMap(annotations)
			? (str(annotations.get('summary')) ?? str(annotations.get('description')) ?? str(annotations.get('message')))
			: undefined,
		edit: { kind: 'insert-annotations', at: lineEnd(text, at), indent: indentOf(text, at) },
	};
	if (isMap(annotations)) {
		const url = annotations.get('runbook_url', true);
		if (isScalar(url) && url.range) {
			alert.runbookUrl = String(url.value);
			alert.edit = { kind: 'replace', start: url.range[0], end: url.range[1] };
		} else {
			const first = annotations.items[0]?.key as { range?: [number, number, number] } | undefined;
			const start = first?.range?.[0];
			if (start !== undefined)
				alert.edit = { kind: 'insert-annotation', at: lineStart(text, start), indent: indentOf(text, start) };
		}
	}
	return alert;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
	const i = text.indexOf('\n', at);
	return i === -1 ? text.length : i + 1;
};
const indentOf = (text: string, at: number) => text.slice(lineStart(text, at), at).replace(/[^ \t]/g, ' ');

/** The file's text with each alert's runbook_url set to `urls[name]`; everything else byte for byte as it was. */
export function withRunbookUrls(text: string, alerts: RuleAlert[], urls: Record<string, string>): string {
	const edits = alerts
		.filter((a) => urls[a.name] && urls[a.name] !== a.runbookUrl)
		.map((a) => ({ a, url: urls[a.name]! }))
		.sort((x, y) => position(y.a.edit) - position(x.a.edit));
	let out = text;
	for (const { a, url } of edits) {
		const e = a.edit;
		if (e.kind === 'replace') {
			const old = out.slice(e.start, e.end);
			const quote = old[0] === '"' || old[0] === "'" ? old[0] : '';
			out = `${out.slice(0, e.start)}${quote}${url}${quote}${out.slice(e.end)}`;
		} else if (e.kind === 'insert-annotation')
			out = `${out.slice(0, e.at)}${e.indent}runbook_url: ${url}\n${out.slice(e.at)}`;
		else out = `${out.slice(0, e.at)}${e.indent}annotations:\n${e.indent}  runbook_url: ${url}\n${out.slice(e.at)}`;
	}
	return out;
}

function position(e: RunbookUrlEdit): number {
	return e.kind === 'replace' ? e.start : e.at;
}

/**
 * The runbook_url for an alert: the site's alert route (it follows the runbook when documents move). A query string
 * of the old URL that carries Prometheus templates (`?cluster={{ $labels.cluster }}`) is kept as it was.
 */
export function runbookUrlFor(siteUrl: string, alert: string, old?: string): string {
	const url = `${siteUrl.replace(/\/+$/, '')}/alerts/${alert}/`;
	const query = old && /\{\{.*\}\}/.test(old) && old.includes('?') ? old.slice(old.indexOf('?')) : '';
	return `${url}${query}`;
}
