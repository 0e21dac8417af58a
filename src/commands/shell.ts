/**
 * Shell syntax with sh-syntax (mvdan/sh, bash mode).
 *
 * Each call runs a fresh Go WASM instance, about 1.5 ms even for one line (parsers.ts), and most blocks are
 * valid. So a document's shell blocks are parsed together first, separated by blank lines (a trailing `\` of one
 * block cannot join the next); only if that fails is each block parsed on its own to find the error. Joining
 * cannot hide an error: a block that parses alone ends at the top level (no open quote, heredoc or compound
 * command: those fail at end of input), so the next block starts where it would alone.
 */
import type { ShellParse } from './parsers.ts';
import type { SyntaxFinding } from './queries.ts';
import { charOffset } from './source-map.ts';

export async function shellSyntaxErrors(
	parse: ShellParse,
	texts: readonly string[],
): Promise<(SyntaxFinding | undefined)[]> {
	if (texts.length > 1) {
		try {
			await parse(texts.join('\n\n'));
			return texts.map(() => undefined);
		} catch {
			// One of them is broken: find which, below.
		}
	}
	const errors: (SyntaxFinding | undefined)[] = [];
	for (const text of texts) {
		try {
			await parse(text);
			errors.push(undefined);
		} catch (error) {
			const pos = (error as { Pos?: { Offset: number } }).Pos;
			const message = (error as { Text?: string }).Text ?? (error as Error).message;
			errors.push({ offset: pos ? charOffset(text, pos.Offset) : 0, message });
		}
	}
	return errors;
}
