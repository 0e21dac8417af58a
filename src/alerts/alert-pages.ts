/** Alert name -> runbook section, from the rendered documents' own heading slugs (what the anchors really are). */
import { render } from 'astro:content';
import { alertTargets, type AlertTarget } from './alert-targets.ts';
import { allDocs } from '../core/docs.ts';
import { facts } from '../facts/site-facts.ts';

export async function alertTargetMap(): Promise<Map<string, AlertTarget>> {
	const docs = await Promise.all(
		(await allDocs()).map(async (doc) => ({
			id: doc.id,
			kind: doc.data.kind,
			headings: (await render(doc)).headings.map((h) => ({ text: h.text, slug: h.slug })),
		})),
	);
	return alertTargets(Object.keys(facts.alerts), docs);
}
