/**
 * `console` blocks are transcripts: commands after a `$ ` prompt, then their output. Only the commands are shell:
 * a command continues on the next line when it ends with `\`, and on lines that start with the `> ` continuation
 * prompt (what the shell shows inside an open quote or a heredoc). Every other line is output and is not checked.
 */

export interface Range {
	start: number;
	end: number;
}

/** Ranges of `text` that are commands (prompts excluded). */
export function consoleCommands(text: string): Range[] {
	const ranges: Range[] = [];
	let inCommand = false;
	let continued = false;
	let start = 0;
	for (const line of text.split('\n')) {
		const prompt = /^\s*\$(?: |$)/.exec(line);
		const ps2 = inCommand ? /^\s*> /.exec(line) : null;
		let from = -1;
		if (continued) from = 0;
		else if (prompt) from = prompt[0].length;
		else if (ps2) from = ps2[0].length;
		inCommand = from !== -1;
		if (inCommand) ranges.push({ start: start + from, end: start + line.length });
		continued = inCommand && /\\$/.test(line);
		start += line.length + 1;
	}
	return ranges;
}

/** The text with everything but the commands blanked (newlines kept), so offsets and lines stay where they were. */
export function blankOutside(text: string, ranges: readonly Range[]): string {
	const chars = text.replace(/[^\n]/g, ' ').split('');
	for (const r of ranges) for (let i = r.start; i < r.end; i++) chars[i] = text[i]!;
	return chars.join('');
}
