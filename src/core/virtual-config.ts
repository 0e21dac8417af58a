/**
 * The resolved configuration as a module pages and components import: `import config from 'virtual:opsbook/config'`.
 * Plain JSON, made once per build from what the integration resolved, so the pages render what the hooks checked.
 */
import type { Plugin } from 'vite';
import type { ResolvedConfig } from './config.ts';

const ID = 'virtual:opsbook/config';
const RESOLVED = `\0${ID}`;

export function virtualConfig(config: ResolvedConfig): Plugin {
	return {
		name: 'opsbook:config',
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined),
	};
}
