/**
 * `npm run export`: the whole document set as plain GitHub-flavoured Markdown in the source task's layout, read
 * straight from content/ (no build needed):
 *
 *   DOCS/RUNBOOKS/      DEPLOYMENT_RUNBOOK.md, ROLLBACK_RUNBOOK.md, SCALING_RUNBOOK.md, TROUBLESHOOTING_RUNBOOK.md
 *   DOCS/PROCEDURES/    DEPLOYMENT_CHECKLIST.md, INCIDENT_RESPONSE_PLAYBOOK.md, ESCALATION_PROCEDURES.md, ...
 *   DOCS/DEPLOYMENT_APPROVAL_CHECKLIST.md   computed from the records, with the sign-off table
 *
 *   npm run export -- --out /tmp/docs --env production --today 2026-12-01 --content tests/fixtures/records-complete
 *
 * Everything is generated in memory first, so invalid content (reported as file:line field: message, exit 2) never
 * leaves a half-written folder. Only RUNBOOKS/, PROCEDURES/ and the files the export writes are replaced in --out.
 * Exit 0 whether the approval is GO or NO-GO (that is `npm run verify`'s job).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../utils/content-error.ts';
import { readContentInputs } from '../utils/content-inputs.ts';
import { today } from '../utils/dates.ts';
import { buildExport } from '../utils/docs-export.ts';
import { contentDir, displayPath, repoRoot } from '../utils/project-paths.ts';
import { parseArgs } from 'node:util';
import { parseCliArgs } from './cli-args.ts';

const USAGE = 'usage: npm run export -- [--out <dir>] [--env <environment>] [--content <dir>] [--today YYYY-MM-DD]';

const args = parseCliArgs(USAGE, () => parseArgs({ options: { out: { type: 'string' }, env: { type: 'string' }, content: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', default: false } } }).values);

const dir = args.content ? path.resolve(args.content) : contentDir();
const out = path.resolve(args.out ?? path.join(repoRoot, 'DOCS'));
let result;
try {
	const inputs = readContentInputs(dir);
	result = buildExport(inputs, { today: args.today ? today({ OPSBOOK_TODAY: args.today }) : today(), ...(args.env ? { environment: args.env } : {}), contentLabel: displayPath(dir) });
} catch (error) {
	if (error instanceof ContentError) {
		console.error(`${error.message}\n\nNothing was exported.`);
		process.exit(2);
	}
	if (error instanceof Error && /^no environment/.test(error.message)) {
		console.error(`--env: ${error.message}`);
		process.exit(2);
	}
	throw error;
}

// Replace what a previous export wrote, and nothing else the folder may hold.
fs.mkdirSync(out, { recursive: true });
for (const sub of new Set(result.files.map((f) => f.path.split('/')[0]!).filter((p) => !p.endsWith('.md')))) fs.rmSync(path.join(out, sub), { recursive: true, force: true });
for (const file of result.files) {
	const target = path.join(out, file.path);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.writeFileSync(target, file.content);
}
console.log(`Exported ${result.files.length} Markdown files to ${displayPath(out)}/ (approval checklist: ${result.readiness.go ? 'GO' : 'NO-GO'} on ${result.readiness.on}).`);
for (const file of result.files) console.log(`  ${file.path}`);
