/**
 * `opsbook verify`: is this deployment ready? The same computation as the approval page (src/records/readiness.ts),
 * read straight from content/ and the policy file (no build needed): a table of the policy's criteria with PASS /
 * FAIL / ACCEPTED (risk) and the reason, then exactly what is missing and every risk acceptance. Exit status 0 only
 * when every criterion passes or is accepted (GO); 1 for NO-GO; 2 when the content itself is invalid or the
 * arguments are wrong.
 *
 *   opsbook verify                  the table
 *   opsbook verify --json           the same as JSON, for machines
 *   opsbook verify --today 2026-12-01 --content tests/fixtures/records-complete/content
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../../core/errors.ts';
import { today } from '../../core/dates.ts';
import { displayPath } from '../../core/paths.ts';
import { checkOptionsFor, readContentInputs } from '../../quality/index.ts';
import { computeReadiness } from '../../records/readiness.ts';
import { readinessJson, readinessTable } from '../../records/readiness-report.ts';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { contentPaths, loadProject } from '../project.ts';

const USAGE = `usage: opsbook verify [--json] [--root <dir>] [--content <dir>] [--today YYYY-MM-DD]

Is this deployment ready? Exit 0 for GO, 1 for NO-GO, 2 when the content is invalid.`;

export const verifyCommand: Command = {
	name: 'verify',
	summary: 'readiness: GO / NO-GO with what is missing (exit 0 only for GO)',
	usage: USAGE,
	async run(argv) {
		const { values: args } = parseCommandArgs(argv, {
			json: { type: 'boolean' },
			root: { type: 'string' },
			content: { type: 'string' },
			today: { type: 'string' },
		});
		const project = await loadProject(path.resolve(str(args.root) ?? '.'));
		const { dir, policyFile } = contentPaths(project, str(args.content));
		const label = displayPath(dir);
		let inputs: ReturnType<typeof readContentInputs>;
		try {
			inputs = readContentInputs(dir, { ...checkOptionsFor(project.config), policyFile });
		} catch (error) {
			if (!(error instanceof ContentError)) throw error;
			console.error(`${error.message}\n\nThe content is invalid, so readiness cannot be computed (NO-GO).`);
			return 2;
		}
		const on = today(str(args.today) ?? project.config.today);
		const { facts } = inputs.loaded;
		const { policy } = inputs;
		const { readinessDocuments: documents, records } = inputs;
		const readiness = computeReadiness({ documents, records, facts, policy, today: on, contentLabel: label });
		const policyLabel = displayPath(policyFile);
		if (args.json) console.log(JSON.stringify(readinessJson(readiness, facts.site.url, label, policyLabel), null, 2));
		else {
			const readme = path.join(dir, 'records', 'README.md');
			const how =
				readiness.go || !fs.existsSync(readme) ? undefined : `How to add the missing records: ${displayPath(readme)}`;
			process.stdout.write(readinessTable(readiness, label, how, policyLabel));
		}
		return readiness.go ? 0 : 1;
	},
};
