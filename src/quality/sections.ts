/** Required sections per kind (rules per kind in src/core/kinds.ts, configurable with the `kinds` option). */
import type { ContentProblem } from '../core/errors.ts';
import type { KindTable } from '../core/kinds.ts';
import { outline } from '../core/markdown-outline.ts';
import { missingSections } from '../core/required-sections.ts';
import type { PageDocument } from './frontmatter.ts';

export function checkSections(documents: PageDocument[], kinds: KindTable): ContentProblem[] {
	return documents.flatMap(({ source, data }) => {
		const h2 = outline(source.body, source.bodyLine).filter((h) => h.depth === 2);
		const rules = kinds[data.kind]?.sections ?? [];
		const article = /^[aeiou]/i.test(data.kind) ? 'an' : 'a';
		return missingSections(
			rules,
			h2.map((h) => h.text),
		).map((rule) => ({
			file: source.file,
			line: source.bodyLine,
			field: 'sections',
			message: `${article} ${data.kind} needs a "## ${rule.name}" section${
				rule.accepts.length > 1
					? ` (or a heading starting with ${rule.accepts
							.slice(1)
							.map((a) => `"${a}"`)
							.join(' / ')})`
					: ''
			}`,
		}));
	});
}
