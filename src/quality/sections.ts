/** Required sections per kind (rules in schemas/required-sections.ts). */
import type { ContentProblem } from '../core/errors.ts';
import { outline } from '../core/markdown-outline.ts';
import { missingSections } from '../core/required-sections.ts';
import type { CheckedDocument } from './frontmatter.ts';

export function checkSections(documents: CheckedDocument[]): ContentProblem[] {
	return documents.flatMap(({ source, data }) => {
		const h2 = outline(source.body, source.bodyLine).filter((h) => h.depth === 2);
		return missingSections(data.kind, h2.map((h) => h.text)).map((rule) => ({
			file: source.file,
			line: source.bodyLine,
			field: 'sections',
			message: `a ${data.kind} needs a "## ${rule.name}" section${rule.accepts.length > 1 ? ` (or a heading starting with ${rule.accepts.slice(1).map((a) => `"${a}"`).join(' / ')})` : ''}`,
		}));
	});
}
