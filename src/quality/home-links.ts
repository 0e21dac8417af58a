/** The home page's entry points (site.home in facts.yaml) must lead to a document or a section. */
import type { ContentProblem } from '../core/errors.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { KIND_FOLDERS } from '../core/kinds.ts';

/** `folders`: top-level folders holding documents; a kind's folder named on the home page gets its page even empty. */
export function checkHomeLinks(
	documentIds: ReadonlySet<string>,
	{ facts, file }: LoadedFacts,
	folders: ReadonlySet<string> = new Set(),
): ContentProblem[] {
	const sections = new Set<string>([...KIND_FOLDERS, ...folders]);
	return Object.entries(facts.site.home).flatMap(([slot, refs]) =>
		refs
			.filter((ref) => !documentIds.has(ref) && !sections.has(ref))
			.map((ref) => ({
				file,
				field: `site.home.${slot}`,
				message: `no page "${ref}": use a document id (runbooks/rollback) or a section (${[...sections].join(', ')})`,
			})),
	);
}
