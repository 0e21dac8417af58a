/**
 * The facts a document's source uses, as text for its cache digest (src/core/docs-loader.ts): a document is rendered
 * again when a value it shows changes, and only then. `{facts.x}` and `{env.x}` give their values (for `env.*`, every
 * environment's). A component adds the parts of the facts it reads (src/facts/components-html.ts): `<Contacts />` the
 * roles and people. Any other component (`<AlertChart …/>`) may show any fact: all of them count. Measured at 1000
 * documents (a third of them with `<Contacts />`): with all facts for every component, one changed value re-rendered
 * 433 documents instead of the 100 that show it.
 */
import { FACT_REFERENCE, resolveFact } from './facts.ts';
import type { Facts } from './schema.ts';

const COMPONENT = /<([A-Z][A-Za-z0-9]*)[\s/>]/g;

/** What each static component reads of the facts (keep in step with src/facts/components-html.ts). */
const COMPONENT_FACTS: Record<string, ReadonlyArray<keyof Facts>> = {
	Contacts: ['roles', 'people'],
	SeverityMatrix: ['roles', 'severities'],
};

export function factsUsedBy(facts: Facts, source: string): string {
	const used = new Map<string, unknown>();
	for (const [, name] of source.matchAll(COMPONENT)) {
		const parts = COMPONENT_FACTS[name!];
		if (!parts) return JSON.stringify(facts);
		for (const part of parts) used.set(`<${part}>`, facts[part]);
	}
	for (const [, key] of source.matchAll(FACT_REFERENCE)) {
		if (!key || used.has(key)) continue;
		try {
			const fact = resolveFact(facts, key);
			used.set(key, fact.env ? fact.env.values : fact.value);
		} catch {
			// An unknown fact fails the render with its line; the digest only has to differ from a known value's.
			used.set(key, null);
		}
	}
	return JSON.stringify([...used].sort(([a], [b]) => a.localeCompare(b)));
}
