/**
 * `npm run verify`: is this deployment ready? The same computation as the approval page (src/utils/readiness.ts),
 * read straight from content/ (no build needed): a table of criteria with PASS / FAIL and the reason, then exactly
 * what is missing. Exit status 0 only when every criterion passes (GO); 1 for NO-GO; 2 when the content itself is
 * invalid or the arguments are wrong.
 *
 *   npm run verify                  the table
 *   npm run verify -- --json        the same as JSON, for machines
 *   npm run verify -- --today 2026-12-01 --content tests/fixtures/records-complete
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../utils/content-error.ts';
import { readContentInputs } from '../utils/content-inputs.ts';
import { today } from '../utils/dates.ts';
import { contentDir, displayPath } from '../utils/project-paths.ts';
import { computeReadiness } from '../utils/readiness.ts';
import { readinessJson, readinessTable } from '../utils/readiness-report.ts';
import { parseArgs } from 'node:util';
import { parseCliArgs } from './cli-args.ts';

const USAGE = 'usage: npm run verify -- [--json] [--content <dir>] [--today YYYY-MM-DD]';

const args = parseCliArgs(USAGE, () => parseArgs({ options: { json: { type: 'boolean', default: false }, content: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', default: false } } }).values);

const dir = args.content ? path.resolve(args.content) : contentDir();
const label = displayPath(dir);
let inputs;
try {
	inputs = readContentInputs(dir);
} catch (error) {
	if (!(error instanceof ContentError)) throw error;
	console.error(`${error.message}\n\nThe content is invalid, so readiness cannot be computed (NO-GO).`);
	process.exit(2);
}

const on = args.today ? today({ OPSBOOK_TODAY: args.today }) : today();
const readiness = computeReadiness({ documents: inputs.readinessDocuments, records: inputs.records, facts: inputs.loaded.facts, today: on });

if (args.json) console.log(JSON.stringify(readinessJson(readiness, inputs.loaded.facts.site.url, label), null, 2));
else {
	const readme = path.join(dir, 'records', 'README.md');
	process.stdout.write(readinessTable(readiness, label, readiness.go || !fs.existsSync(readme) ? undefined : `How to add the missing records: ${displayPath(readme)}`));
}
process.exitCode = readiness.go ? 0 : 1;
