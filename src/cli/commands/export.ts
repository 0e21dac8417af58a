/**
 * `opsbook export`: the whole document set as plain GitHub-flavoured Markdown in the source task's layout, read
 * straight from content/ (no build needed):
 *
 *   DOCS/RUNBOOKS/      DEPLOYMENT_RUNBOOK.md, ROLLBACK_RUNBOOK.md, SCALING_RUNBOOK.md, TROUBLESHOOTING_RUNBOOK.md
 *   DOCS/PROCEDURES/    DEPLOYMENT_CHECKLIST.md, INCIDENT_RESPONSE_PLAYBOOK.md, ESCALATION_PROCEDURES.md, ...
 *   DOCS/DEPLOYMENT_APPROVAL_CHECKLIST.md   computed from the records, with the sign-off table
 *
 *   opsbook export --out /tmp/docs --env production --today 2026-12-01 --content tests/fixtures/records-complete/content
 *
 * Everything is generated in memory first, so invalid content (reported as file:line field: message, exit 2) never
 * leaves a half-written folder. Only RUNBOOKS/, PROCEDURES/ and the files the export writes are replaced in --out.
 * Exit 0 whether the approval is GO or NO-GO (that is `opsbook verify`'s job).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../../core/errors.ts';
import { today } from '../../core/dates.ts';
import { displayPath } from '../../core/paths.ts';
import { buildExport } from '../../export/docs-export.ts';
import { checkOptionsFor, readContentInputs } from '../../quality/index.ts';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { contentPaths, loadProject } from '../project.ts';

const USAGE = `usage: opsbook export [--out <dir>] [--env <environment>] [--root <dir>] [--content <dir>] [--today YYYY-MM-DD]

Writes the documents as plain Markdown in the source task's layout (default: DOCS/).`;

export const exportCommand: Command = {
	name: 'export',
	summary: 'the documents as plain Markdown (DOCS/), with the computed approval checklist',
	usage: USAGE,
	async run(argv) {
		const { values: args } = parseCommandArgs(argv, {
			out: { type: 'string' },
			env: { type: 'string' },
			root: { type: 'string' },
			content: { type: 'string' },
			today: { type: 'string' },
		});
		const project = await loadProject(path.resolve(str(args.root) ?? '.'));
		const { dir, policyFile } = contentPaths(project, str(args.content));
		const out = path.resolve(str(args.out) ?? path.join(project.root, 'DOCS'));
		let result: ReturnType<typeof buildExport>;
		try {
			const inputs = readContentInputs(dir, { ...checkOptionsFor(project.config), policyFile });
			const environment = str(args.env);
			result = buildExport(inputs, {
				today: today(str(args.today) ?? project.config.today),
				...(environment ? { environment } : {}),
				contentLabel: displayPath(dir),
			});
		} catch (error) {
			if (error instanceof ContentError) {
				console.error(`${error.message}\n\nNothing was exported.`);
				return 2;
			}
			if (error instanceof Error && /^no environment/.test(error.message)) {
				console.error(`--env: ${error.message}`);
				return 2;
			}
			throw error;
		}
		// Replace what a previous export wrote, and nothing else the folder may hold.
		fs.mkdirSync(out, { recursive: true });
		const folders = new Set(result.files.map((f) => f.path.split('/')[0]!).filter((p) => !p.endsWith('.md')));
		for (const sub of folders) fs.rmSync(path.join(out, sub), { recursive: true, force: true });
		for (const file of result.files) {
			const target = path.join(out, file.path);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, file.content);
		}
		const state = result.readiness.go ? 'GO' : 'NO-GO';
		console.log(
			`Exported ${result.files.length} Markdown files to ${displayPath(out)}/ (approval checklist: ${state} on ${result.readiness.on}).`,
		);
		for (const file of result.files) console.log(`  ${file.path}`);
		return 0;
	},
};
