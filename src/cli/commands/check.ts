/**
 * `opsbook check`: the content checks alone, with no build and no browser: front matter, sections, facts, alerts,
 * cards, records, secrets and review dates. Fast enough for a pre-commit hook; the command a content repository runs
 * in its own CI. --json prints the problems for editors and CI annotations.
 */
import path from 'node:path';
import { ContentError } from '../../core/errors.ts';
import { displayPath } from '../../core/paths.ts';
import { formatProblem } from '../../core/errors.ts';
import { checkAllContent, checkOptionsFor } from '../../quality/index.ts';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { contentPaths, loadProject } from '../project.ts';

const USAGE = `usage: opsbook check [--json] [--strict-review] [--root <dir>] [--content <dir>] [--today YYYY-MM-DD]

Checks the content without building: exit 0 when it is valid, 1 when there are problems (file:line field: message).`;

export const checkCommand: Command = {
	name: 'check',
	summary: 'check the content (no build, no browser); --json for editors and CI',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, {
			json: { type: 'boolean' },
			'strict-review': { type: 'boolean' },
			root: { type: 'string' },
			content: { type: 'string' },
			today: { type: 'string' },
		});
		const project = await loadProject(path.resolve(str(values.root) ?? '.'));
		const { dir, policyFile } = contentPaths(project, str(values.content));
		const strictReview = values['strict-review'] === true || project.config.strictReview;
		const today = str(values.today) ?? project.config.today;
		const started = performance.now();
		try {
			const {
				pages: documents,
				overdue,
				commands,
				warnings,
			} = await checkAllContent(dir, { ...checkOptionsFor(project.config), strictReview, today, policyFile });
			const ms = Math.round(performance.now() - started);
			const shown = warnings.map((p) => ({ ...p, file: displayPath(p.file) }));
			if (values.json) {
				const report = {
					ok: true,
					documents: documents.length,
					commands: commands.blocks,
					overdue,
					problems: [],
					warnings: shown,
				};
				console.log(JSON.stringify(report, null, 2));
			} else {
				for (const w of warnings) console.warn(`warning: ${formatProblem(w)}`);
				console.log(`${documents.length} documents in ${displayPath(dir)}/ passed the content checks (${ms} ms).`);
			}
			return 0;
		} catch (error) {
			if (!(error instanceof ContentError)) throw error;
			if (values.json) {
				const problems = error.problems.map((p) => ({ ...p, file: displayPath(p.file) }));
				console.log(JSON.stringify({ ok: false, problems }, null, 2));
			} else console.error(error.message);
			return 1;
		}
	},
};
