/**
 * The facts a document's source uses, as text for its cache digest (src/core/docs-loader.ts): a document is rendered
 * again when a value it shows changes, and only then. `{facts.x}` and `{env.x}` give their values (for `env.*`, every
 * environment's). A document with components (`<Contacts />`, `<AlertChart …/>`) may show any fact: all of them count.
 */
import { FACT_REFERENCE, resolveFact } from './facts.ts';
import type { Facts } from './schema.ts';

const COMPONENT = /<[A-Z][A-Za-z0-9]*[\s/>]/;

export function factsUsedBy(facts: Facts, source: string): string {
	if (COMPONENT.test(source)) return JSON.stringify(facts);
	const used = new Map<string, unknown>();
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
