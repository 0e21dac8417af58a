/**
 * The resolved configuration and the facts as modules pages and components import
 * (`import config from 'virtual:opsbook/config'`). Plain JSON, made once per build from what the integration resolved
 * and loaded, so the pages render what the hooks checked and facts.yaml is read once.
 */
import type { Plugin } from 'vite';
import type { ResolvedConfig } from './config.ts';

const MODULES = ['virtual:opsbook/config', 'virtual:opsbook/facts'];

/** `virtual:opsbook/config` (the resolved configuration) and `virtual:opsbook/facts` (the site's facts, as loaded). */
export function virtualConfig(config: ResolvedConfig, facts: unknown): Plugin {
	// The site's Zod object of extra fields is code, not data: pages get its field names (`extraFields`).
	const { frontmatter: _schema, ...plain } = config;
	const data: Record<string, unknown> = { 'virtual:opsbook/config': plain, 'virtual:opsbook/facts': facts };
	return {
		name: 'opsbook:config',
		resolveId: (id) => (MODULES.includes(id) ? `\0${id}` : undefined),
		load: (id) =>
			id.startsWith('\0') && MODULES.includes(id.slice(1))
				? `export default ${JSON.stringify(data[id.slice(1)])};`
				: undefined,
	};
}
