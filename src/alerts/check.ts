/** Every alert defined in facts.yaml must have a runbook entry: a heading named after it. */
import GithubSlugger from 'github-slugger';
import type { ContentProblem } from '../core/errors.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { outline } from '../core/markdown-outline.ts';
import { alertTargets, linkAlerts } from './alert-targets.ts';
import type { RuleAlert } from './rules.ts';
import { stripInline } from '../core/normalize.ts';

interface AlertDocument {
	source: { id: string; body: string; file: string };
	data: { kind: string };
	site?: { id: string };
}

export function checkAlertRunbooks(documents: AlertDocument[], { facts, file, lineOf }: LoadedFacts): ContentProblem[] {
	const docs = documents.map((d) => {
		const slugger = new GithubSlugger();
		return {
			id: d.site?.id ?? d.source.id,
			kind: d.data.kind,
			headings: outline(d.source.body).map((h) => ({ text: h.text, slug: slugger.slug(h.text) })),
		};
	});
	const names = Object.keys(facts.alerts);
	const found = alertTargets(names, docs);
	return names
		.filter((name) => !found.has(name))
		.map((name) => ({
			file,
			line: lineOf(['alerts', name]),
			field: `alerts.${name}`,
			message: `no runbook entry for this alert: add a "### ${name}" section (what it means, first checks, fixes) to the troubleshooting runbook`,
		}));
}

export interface AlertReport {
	/** Alerts known from facts.yaml and the rule files. */
	defined: number;
	linked: number;
	withoutRunbook: Array<{ name: string; file: string; line: number }>;
	/** Documents naming (in `alerts:`) an alert no rule file or facts.yaml defines. */
	unknown: Array<{ name: string; file: string; line: number }>;
	problems: ContentProblem[];
	/** Alert name → id of its runbook document. */
	targets: Map<string, string>;
}

interface LinkableDocument extends AlertDocument {
	data: { kind: string; alerts: string[]; aliases: string[]; source: { path: string; index: boolean } };
	lineOf(path: ReadonlyArray<PropertyKey>): number;
	site?: { id: string };
}

/** Rule-file and facts alerts linked to runbooks as the alert pages link them (alerts/alert-targets.ts linkAlerts). */
export function checkAlertLinks(documents: LinkableDocument[], loaded: LoadedFacts, rules: RuleAlert[]): AlertReport {
	const docs = documents.map((d) => {
		const slugger = new GithubSlugger();
		return {
			id: d.site?.id ?? d.source.id,
			kind: d.data.kind,
			name: d.data.source.index
				? undefined
				: d.data.source.path
						.split('/')
						.pop()!
						.replace(/\.mdx?$/i, ''),
			paths: d.data.aliases,
			alerts: d.data.alerts,
			headings: outline(d.source.body).map((h) => ({ text: h.text, slug: slugger.slug(stripInline(h.text)) })),
		};
	});
	const defined = new Map<string, { file: string; line: number; runbookUrl?: string | undefined }>();
	for (const name of Object.keys(loaded.facts.alerts))
		defined.set(name, { file: loaded.file, line: loaded.lineOf(['alerts', name]) });
	for (const r of rules)
		if (!defined.has(r.name)) defined.set(r.name, { file: r.file, line: r.line, runbookUrl: r.runbookUrl });
	const linked = linkAlerts(
		[...defined].map(([name, d]) => ({ name, runbookUrl: d.runbookUrl })),
		docs,
	);
	const rulesOnly = [...defined].filter(([name]) => !loaded.facts.alerts[name]);
	const withoutRunbook = rulesOnly
		.filter(([name]) => !linked.has(name))
		.map(([name, d]) => ({ name, file: d.file, line: d.line }));
	const unknown =
		defined.size === 0
			? []
			: documents.flatMap((d) =>
					d.data.alerts.flatMap((name, i) =>
						defined.has(name) ? [] : [{ name, file: d.source.file, line: d.lineOf(['alerts', i]) }],
					),
				);
	const problems: ContentProblem[] = [
		...withoutRunbook.map((a) => ({
			file: a.file,
			line: a.line,
			field: `alert ${a.name}`,
			message:
				'no runbook: name a document after it, give it a "# ' +
				a.name +
				'" heading, list it under alerts:, or set its runbook_url',
		})),
		...unknown.map((a) => ({
			file: a.file,
			line: a.line,
			field: 'frontmatter field "alerts"',
			message: `"${a.name}" is not defined in any rule file or facts.yaml`,
		})),
	];
	const targets = new Map([...linked].map(([name, t]) => [name, t.docId]));
	return {
		defined: defined.size,
		linked: [...defined.keys()].filter((n) => linked.has(n)).length,
		withoutRunbook,
		unknown,
		problems,
		targets,
	};
}
