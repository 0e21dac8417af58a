/**
 * The public build (config `public: true`, OPSBOOK_PUBLIC=1 or `opsbook build --public`) leaves out people's names and contact details:
 * the site can then be shared outside the company while roles, channels and procedures stay intact.
 * Redaction happens on the facts, before anything renders, so no page or component can leak them.
 */
import type { Facts } from './schema.ts';

export const WITHHELD = 'withheld in the public edition';

const PHONE = /\+?\d[\d ().-]{6,}\d/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

export function redactForPublic(facts: Facts): Facts {
	const people = Object.fromEntries(Object.entries(facts.people).map(([key]) => [key, { name: WITHHELD }]));
	return { ...(redactTree(facts) as Facts), people };
}

/** Any other value holding a phone number or an e-mail address (a phone bridge, a distribution list) is withheld too. */
function redactTree(node: unknown): unknown {
	if (typeof node === 'string') return PHONE.test(node) || EMAIL.test(node) ? WITHHELD : node;
	if (Array.isArray(node)) return node.map(redactTree);
	if (node && typeof node === 'object')
		return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, redactTree(v)]));
	return node;
}
