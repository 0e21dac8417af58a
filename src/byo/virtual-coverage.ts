/** The coverage report of this build as a module the /coverage/ page imports: `virtual:opsbook/coverage`. */
import type { Plugin } from 'vite';
import type { CoverageReport } from './coverage.ts';

const ID = 'virtual:opsbook/coverage';
const RESOLVED = `\0${ID}`;

export function virtualCoverage(report: () => CoverageReport | undefined): Plugin {
	return {
		name: 'opsbook:coverage',
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(report() ?? null)};` : undefined),
	};
}
