/**
 * The environments the reader can pick, from facts.yaml: key, display name (`environments.<key>.name`, else the key)
 * and whether choosing it means production. Production is the environment whose key or name says so (`production`,
 * `prod`, `prod-eu`, "Production"); an environment can also say `production: true` or `production: false` explicitly.
 */
import type { Facts } from './schema.ts';

export interface EnvironmentChoice {
	key: string;
	name: string;
	production: boolean;
	isDefault: boolean;
}

export function environmentChoices(facts: Facts): EnvironmentChoice[] {
	return Object.entries(facts.environments).map(([key, env]) => {
		const name = typeof env.name === 'string' && env.name.trim() ? env.name : key;
		const flag = env.production;
		const production = typeof flag === 'boolean' ? flag : /^prod(uction)?\b/i.test(key) || /\bproduction\b/i.test(name);
		return { key, name, production, isDefault: key === facts.site.defaultEnvironment };
	});
}
