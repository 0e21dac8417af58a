/**
 * How a person named in a record is shown: a `person` key resolves through facts.yaml (the only place names live),
 * a free `name` is shown as written. In the public edition names are withheld, free names included, because the
 * redaction of facts cannot reach them.
 */
import type { Facts } from '../facts/schema.ts';
import { WITHHELD } from '../facts/public-facts.ts';

export function personName(
	facts: Facts,
	who: { person?: string | undefined; name?: string | undefined },
	publicEdition: boolean,
): string {
	if (publicEdition) return WITHHELD;
	if (who.person) return facts.people[who.person]?.name ?? who.person;
	return who.name ?? '';
}

export function roleTitle(facts: Facts, key: string): string {
	return facts.roles[key]?.title ?? key;
}
