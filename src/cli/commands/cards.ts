/** `opsbook cards`: prints the built site's quick-reference cards to PDF again (the build does this too). */
import path from 'node:path';
import { formatProblem } from '../../core/errors.ts';
import { printCardPdfs } from '../../cards/index.ts';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { loadProject } from '../project.ts';

const USAGE = `usage: opsbook cards [--dir <built site>] [--root <dir>] [--if-browser]

Prints every card at every size and the A4/Letter sheets into <site>/cards/pdf/. Needs a Chromium.`;

export const cardsCommand: Command = {
	name: 'cards',
	summary: 'print the quick-reference cards of the built site to PDF',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, {
			dir: { type: 'string' },
			root: { type: 'string' },
			'if-browser': { type: 'boolean' },
		});
		const project = await loadProject(path.resolve(str(values.root) ?? '.'));
		const site = path.resolve(str(values.dir) ?? project.outDir);
		const log = (line: string) => console.log(`card PDFs: ${line}`);
		const { base, contentDir } = project.config;
		const result = await printCardPdfs({ site, base, contentDir, ifBrowser: values['if-browser'] === true, log });
		if (result.error) {
			console.error(`card PDFs: ${result.error}`);
			return 1;
		}
		if (result.problems.length) {
			const cards = new Set(result.problems.map((p) => p.file)).size;
			const lines = result.problems.map(formatProblem).join('\n  ');
			console.error(`card PDFs: ${cards} card${cards === 1 ? ' does' : 's do'} not fit:\n  ${lines}`);
			return 1;
		}
		return 0;
	},
};
