/** Loading parsers ahead of the first check, so their start-up cost is paid once, before timing or in parallel. */
import { logqlParser, promqlParser, shellParser, sqlParser } from './parsers.ts';
import type { Language } from './types.ts';

export async function loadParsers(languages: readonly Language[] = ['promql', 'logql', 'shell', 'sql']): Promise<void> {
	const loaders: Record<Language, () => Promise<unknown>> = {
		promql: promqlParser,
		logql: logqlParser,
		shell: shellParser,
		console: shellParser,
		sql: sqlParser,
	};
	await Promise.all([...new Set(languages.map((l) => loaders[l]))].map((load) => load()));
}
