/** Every environment's scalar values by dotted key, the data behind `{env.*}` spans and the environment picker. */
import type { Facts } from './schema.ts';

export type EnvironmentValues = Record<string, Record<string, string | number | boolean>>;

export function environmentValues(facts: Facts): EnvironmentValues {
	const flatten = (tree: unknown, prefix: string, into: Record<string, string | number | boolean>) => {
		if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
			for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
		} else if (typeof tree === 'string' || typeof tree === 'number' || typeof tree === 'boolean') into[prefix] = tree;
		return into;
	};
	return Object.fromEntries(Object.entries(facts.environments).map(([name, env]) => [name, flatten(env, '', {})]));
}
