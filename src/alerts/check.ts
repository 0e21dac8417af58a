/** Every alert defined in facts.yaml must have a runbook entry: a heading named after it. */
import GithubSlugger from 'github-slugger';
import type { ContentProblem } from '../core/errors.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { outline } from '../core/markdown-outline.ts';
import { alertTargets } from './alert-targets.ts';


interface AlertDocument {
	source: { id: string; body: string };
	data: { kind: string };
	site?: { id: string };
}

export function checkAlertRunbooks(documents: AlertDocument[], { facts, file, lineOf }: LoadedFacts): ContentProblem[] {
	const docs = documents.map((d) => {
		const slugger = new GithubSlugger();
		return { id: d.site?.id ?? d.source.id, kind: d.data.kind, headings: outline(d.source.body).map((h) => ({ text: h.text, slug: slugger.slug(h.text) })) };
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
