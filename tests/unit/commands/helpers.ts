/**
 * Test documents that put a block where positions are easy to get wrong: after front matter, inside a numbered
 * list item (indented three columns). The block's first content line is document line 10 and its text starts in
 * column 4, so block line l, column c is document line 9 + l, column 3 + c.
 */
import { checkDocument, type CommandProblem, type DocumentOptions } from '../../../src/commands/index.ts';

export function inListItem(lang: string, body: string, meta = ''): string {
	const indented = body
		.split('\n')
		.map((l) => (l ? `   ${l}` : l))
		.join('\n');
	const fence = `   \`\`\`${lang}${meta ? ` ${meta}` : ''}`;
	return `---\ntitle: Test\n---\n\n# Steps\n\n1. Do this:\n\n${fence}\n${indented}\n   \`\`\`\n`;
}

/** Document position of block line `line`, column `column` (both 1-based) in an inListItem document. */
export function at(line: number, column: number): { line: number; column: number } {
	return { line: 9 + line, column: 3 + column };
}

export async function problemsOf(
	lang: string,
	body: string,
	options: Partial<DocumentOptions> & { meta?: string } = {},
) {
	const { meta, ...rest } = options;
	const { problems } = await checkDocument(inListItem(lang, body, meta), { file: 'runbook.mdx', mdx: true, ...rest });
	return problems;
}

export const where = (p: CommandProblem) => ({ line: p.line, column: p.column });
export const rules = (problems: CommandProblem[]) => problems.map((p) => p.rule);
