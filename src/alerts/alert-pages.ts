/**
 * Alert name -> runbook section, from the rendered documents' own heading slugs (what the anchors really are).
 * Alerts come from facts.yaml, from the rule files of config `alertRules`, from documents' `alerts:` lists and from
 * alert runbooks named after their alert (KubePodCrashLooping.md): every one of them gets /alerts/<Name>/.
 */
import config from 'virtual:opsbook/config';
import { render } from 'astro:content';
import { linkAlerts, type AlertTarget } from './alert-targets.ts';
import { loadRuleAlerts, type RuleAlert } from './rules.ts';
import { allDocs } from '../core/docs.ts';
import { ALERT_KIND } from '../core/kinds.ts';
import { isAlertName } from '../core/normalize.ts';
import { facts } from '../facts/site-facts.ts';

export interface AlertInfo {
	name: string;
	summary?: string | undefined;
	severity?: string | undefined;
	for?: string | undefined;
	target?: AlertTarget | undefined;
}

let catalogOnce: Promise<Map<string, AlertInfo>> | undefined;

export function alertCatalog(): Promise<Map<string, AlertInfo>> {
	catalogOnce ??= (async () => {
		const all = await allDocs();
		const docs = await Promise.all(
			all.map(async (doc) => {
				const file = doc.data.source.path
					.split('/')
					.pop()!
					.replace(/\.mdx?$/i, '');
				return {
					id: doc.id,
					kind: doc.data.kind,
					name: doc.data.source.index ? undefined : file,
					paths: doc.data.aliases,
					alerts: doc.data.alerts,
					headings: (await render(doc)).headings.map((h) => ({ text: h.text, slug: h.slug })),
				};
			}),
		);
		const rules: RuleAlert[] = config.alertRules.length ? loadRuleAlerts(config.alertRules).alerts : [];
		const info = new Map<string, AlertInfo>();
		for (const [name, a] of Object.entries(facts.alerts))
			info.set(name, { name, summary: a.summary, severity: a.severity, for: a.for });
		for (const r of rules)
			if (!info.has(r.name)) info.set(r.name, { name: r.name, summary: r.summary, severity: r.severity, for: r.for });
		// Without rule files, an alert runbook named after its alert still answers /alerts/<Name>/.
		for (const d of all) {
			const name = docs.find((x) => x.id === d.id)?.name;
			if (d.data.kind === ALERT_KIND && name && isAlertName(name) && !info.has(name))
				info.set(name, { name, summary: d.data.description ?? d.data.excerpt });
			for (const a of d.data.alerts) if (!info.has(a)) info.set(a, { name: a, summary: d.data.title });
		}
		const urls = new Map(rules.map((r) => [r.name, r.runbookUrl]));
		const targets = linkAlerts(
			[...info.keys()].map((name) => ({ name, runbookUrl: urls.get(name) })),
			docs,
		);
		for (const [name, target] of targets) info.get(name)!.target = target;
		return info;
	})();
	return catalogOnce;
}

export async function alertTargetMap(): Promise<Map<string, AlertTarget>> {
	const out = new Map<string, AlertTarget>();
	for (const [name, a] of await alertCatalog()) if (a.target) out.set(name, a.target);
	return out;
}

/** `runbooks/x/#anchor`, or the page itself when the runbook is the whole document. */
export function targetPath(t: AlertTarget): string {
	return t.anchor ? `${t.docId}/#${t.anchor}` : `${t.docId}/`;
}
