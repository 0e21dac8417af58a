/**
 * A small shell tokenizer for the destructive-command rule. sh-syntax checks the syntax, but its JSON syntax tree
 * has no node types (every command comes back as `Cmd: {}`), so the rule cannot read commands from it.
 *
 * This reads simple commands and their words: quotes removed, `$(…)` and backquote substitutions read as commands
 * of their own, heredoc bodies attached to their command as one more word, redirections and comments dropped.
 * Expansions are left as written (`$K` stays `$K`). Each word keeps the text offset of every character, so a
 * finding inside a long `psql -c "…"` string points at the right line.
 */

export interface Word {
	text: string;
	/** Offset in the source text of each character of `text`. */
	offsets: number[];
	/** Heredoc body or here-string rather than an argument. */
	input?: boolean;
}

export interface Command {
	words: Word[];
}

export function shellCommands(source: string): Command[] {
	const commands: Command[] = [];
	let words: Word[] = [];
	let word: Word | undefined;
	let redirectTarget = false;
	const pendingHeredocs: { delimiter: string; strip: boolean; command: Word[] }[] = [];

	const add = (ch: string, at: number) => {
		word ??= { text: '', offsets: [] };
		word.text += ch;
		word.offsets.push(at);
	};
	const endWord = () => {
		if (word && !redirectTarget) words.push(word);
		if (word) redirectTarget = false;
		word = undefined;
	};
	const endCommand = () => {
		endWord();
		if (words.length > 0) commands.push({ words });
		words = [];
	};
	const nested = (from: number, to: number) => {
		for (const c of shellCommands(source.slice(from, to))) {
			commands.push({ words: c.words.map((w) => ({ ...w, offsets: w.offsets.map((o) => o + from) })) });
		}
	};

	let i = 0;
	while (i < source.length) {
		const c = source[i]!;
		if (c === '\\' && source[i + 1] === '\n') {
			i += 2;
		} else if (c === '\\') {
			if (i + 1 < source.length) add(source[i + 1]!, i + 1);
			i += 2;
		} else if (c === '\n') {
			endCommand();
			i = readHeredocs(source, i + 1, pendingHeredocs);
		} else if (c === ' ' || c === '\t') {
			endWord();
			i++;
		} else if (c === '#' && !word) {
			const eol = source.indexOf('\n', i);
			i = eol === -1 ? source.length : eol;
		} else if (c === "'") {
			const end = source.indexOf("'", i + 1);
			const stop = end === -1 ? source.length : end;
			for (let j = i + 1; j < stop; j++) add(source[j]!, j);
			if (stop === i + 1) add('', i);
			i = stop + 1;
		} else if (c === '"') {
			let j = i + 1;
			for (; j < source.length && source[j] !== '"'; j++) {
				if (source[j] === '\\' && /["\\$`\n]/.test(source[j + 1] ?? '')) j++;
				else if (source[j] === '$' && source[j + 1] === '(') {
					const end = closingParen(source, j + 2);
					nested(j + 2, end);
					for (let k = j; k <= end && k < source.length; k++) add(source[k]!, k);
					j = end;
					continue;
				}
				add(source[j]!, j);
			}
			if (j === i + 1) add('', i);
			i = j + 1;
		} else if (c === '$' && source[i + 1] === '(') {
			const end = closingParen(source, i + 2);
			nested(i + 2, end);
			for (let k = i; k <= end && k < source.length; k++) add(source[k]!, k);
			i = end + 1;
		} else if (c === '`') {
			const end = source.indexOf('`', i + 1);
			const stop = end === -1 ? source.length : end;
			nested(i + 1, stop);
			i = stop + 1;
		} else if (c === '<' || c === '>' || (c === '&' && source[i + 1] === '>')) {
			if (word && /^\d+$/.test(word.text)) word = undefined;
			endWord();
			const op = /^(?:<<<|<<-|<<|<>|<&|>>|>&|>\||&>>|&>|<|>)/.exec(source.slice(i))![0];
			i += op.length;
			if (op === '<<' || op === '<<-') {
				const m = /^[ \t]*(['"]?)([^\s'";&|<>()]+)\1/.exec(source.slice(i));
				if (m) {
					pendingHeredocs.push({ delimiter: m[2]!, strip: op === '<<-', command: words });
					i += m[0].length;
				}
			} else if (op === '<<<') {
				// A here-string is input, like a heredoc body: the next word stays a word.
			} else {
				redirectTarget = true;
			}
		} else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
			endCommand();
			i++;
		} else {
			add(c, i);
			i++;
		}
	}
	endCommand();
	return commands;
}

/** Reads the bodies of the heredocs opened on the line that just ended; returns where reading continues. */
function readHeredocs(
	source: string,
	from: number,
	pending: { delimiter: string; strip: boolean; command: Word[] }[],
): number {
	let i = from;
	while (pending.length > 0) {
		const h = pending.shift()!;
		const body: Word = { text: '', offsets: [], input: true };
		while (i < source.length) {
			const eol = source.indexOf('\n', i);
			const end = eol === -1 ? source.length : eol;
			const line = source.slice(i, end);
			if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delimiter) {
				i = end + 1;
				break;
			}
			for (let j = i; j <= end && j < source.length; j++) {
				body.text += source[j];
				body.offsets.push(j);
			}
			i = end + 1;
		}
		h.command.push(body);
	}
	return i;
}

/** Index of the `)` that closes a `$(` whose content starts at `from` (quotes and nesting respected). */
function closingParen(source: string, from: number): number {
	let depth = 1;
	for (let i = from; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') i++;
		else if (c === "'") i = Math.max(i, source.indexOf("'", i + 1));
		else if (c === '"') {
			for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
		} else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return i;
	}
	return source.length;
}
