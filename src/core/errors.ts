/**
 * One error type for every problem found in content, so every message has the same shape:
 *   content/runbooks/rollback.mdx:12:7 frontmatter field "owner.role": unknown role "sre"
 * The location comes first so editors and terminals turn it into a link.
 */
import { displayPath } from './paths.ts';

export interface ContentProblem {
	file: string;
	line?: number;
	column?: number;
	/** Frontmatter field, fact key or check name the problem is about. */
	field?: string;
	message: string;
}

export function formatProblem(p: ContentProblem): string {
	const where = [displayPath(p.file), p.line, p.line !== undefined ? p.column : undefined]
		.filter((x) => x !== undefined)
		.join(':');
	return `${where} ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export class ContentError extends Error {
	readonly problems: ContentProblem[];
	/** Shown by Astro under the message. */
	hint = 'Fix the content at the file:line positions above, then build again.';
	constructor(problems: ContentProblem[]) {
		const lines = problems.map(formatProblem);
		super(`${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n  ${lines.join('\n  ')}`);
		this.name = 'ContentError';
		this.problems = problems;
	}

	/**
	 * Astro matches toString() against words like "document" to guess a hint about browser APIs; a summary without
	 * the problem texts keeps that guess from firing. The full text stays in `message`.
	 */
	override toString(): string {
		return `${this.name}: ${this.problems.length} content problem(s)`;
	}
}
