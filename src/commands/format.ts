/** One line per problem, location first so terminals and editors turn it into a link. */
import type { CommandProblem } from './types.ts';

/**
 * `file:line:column language: message`, e.g.
 *   content/runbooks/rollback.mdx:42:17 promql: unexpected "by"
 *   content/runbooks/rollback.mdx:57:1 shell: kubectl delete is destructive and … [shell/destructive-unmarked]
 * `display` turns the stored path into the one to show (src/core/paths.ts displayPath, in the build).
 */
export function formatCommandProblem(p: CommandProblem, display: (file: string) => string = (f) => f): string {
	return `${display(p.file)}:${p.line}:${p.column} ${p.language}: ${p.message}`;
}
