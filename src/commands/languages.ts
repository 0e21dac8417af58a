/**
 * Which fence tags are checked, and with which parser. Tags are compared in lower case; any other tag (text, yaml,
 * json, mermaid, …) is not checked.
 *
 * `sh` and `zsh` are parsed as bash: authors tag any shell snippet `sh`, and those snippets use bash syntax
 * (`[[ ]]`, `$(( ))`, arrays) that the POSIX mode of the parser rejects; mvdan/sh's own zsh mode is marked
 * experimental and incomplete, so it would report valid zsh as broken more often than bash mode does.
 */
import type { Language } from './types.ts';

const TAGS: Record<string, Language> = {
	promql: 'promql',
	logql: 'logql',
	bash: 'shell',
	sh: 'shell',
	shell: 'shell',
	zsh: 'shell',
	console: 'console',
	'shell-session': 'console',
	shellsession: 'console',
	sql: 'sql',
	psql: 'sql',
	postgresql: 'sql',
	postgres: 'sql',
};

export function languageOf(tag: string | null | undefined): Language | undefined {
	const key = tag?.toLowerCase();
	return key && Object.hasOwn(TAGS, key) ? TAGS[key] : undefined;
}

/** Every tag that is checked, for the documentation and the coverage report. */
export const CHECKED_TAGS: readonly string[] = Object.keys(TAGS);
