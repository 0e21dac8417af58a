/**
 * Quick-reference cards (content/cards/*.mdx), checked before Astro starts, every problem with file, line and field:
 * the frontmatter schema (shared with the `cards` collection), the summarised document, audience roles and severity
 * against facts.yaml, and what a printed card cannot carry: headings (the title is the card's only heading),
 * `{env.*}` values (paper shows one environment, so it must be named: {facts.environments.production.key}) and secrets.
 */
import { readText } from '../core/text-input.ts';
import path from 'node:path';
import type { ContentProblem } from '../core/errors.ts';
import { readSourceFile } from '../core/content-files.ts';
import { listCardFiles } from './card-files.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { parseYamlWithSchema } from '../core/yaml-schema.ts';
import { cardSchema } from './schema.ts';
import { findSecrets, loadAllowList } from '../core/secrets.ts';

const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.mdx$/;
const FENCE = /^\s*(```|~~~)/;

export function checkCards(dir: string, { facts }: LoadedFacts, documentIds: ReadonlySet<string>): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const allowed = loadAllowList(dir).entries;
	const severityIds = new Set(facts.severities.map((s) => s.id));

	for (const file of listCardFiles(dir)) {
		const source = readSourceFile(dir, file);
		const at = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
		if (!FILE_NAME.test(path.basename(file)))
			at(
				1,
				'file name',
				`"${path.basename(file)}": use lowercase letters, digits and dashes (the name becomes /cards/<name>/)`,
			);
		problems.push(...bodyProblems(file, source.body, source.bodyLine));
		const rel = path.relative(dir, file).split(path.sep).join('/');
		for (const hit of findSecrets(file, readText(file))) {
			if (allowed.some((e) => e.file === rel && hit.text.includes(e.match))) continue;
			problems.push({
				file,
				line: hit.line,
				column: hit.column,
				field: 'secret',
				message: `looks like a ${hit.detector}: cards are printed and pinned to walls; remove it`,
			});
		}

		if (!source.frontmatterLine) {
			at(1, 'frontmatter', 'missing: start the file with a --- block (title, summarises, audience, defaultSize)');
			continue;
		}
		const parsed = parseYamlWithSchema(source.frontmatter, cardSchema, {
			file,
			lineOffset: source.frontmatterLine - 1,
			label: (p) => `frontmatter field "${p || '(root)'}"`,
		});
		problems.push(...parsed.problems.map((p) => (p.field ? p : { ...p, field: 'frontmatter' })));
		if (!parsed.data) continue;
		const yaml = parsed;
		const card = parsed.data;
		const field = (keyPath: PropertyKey[], name: string, message: string) =>
			at(yaml.lineOf(keyPath), `frontmatter field "${name}"`, message);
		if (!documentIds.has(card.summarises))
			field(['summarises'], 'summarises', `no document "${card.summarises}" (ids look like runbooks/rollback)`);
		card.audience.forEach((role, i) => {
			if (!facts.roles[role])
				field(
					['audience', i],
					`audience.${i}`,
					`unknown role "${role}"; roles in facts.yaml: ${Object.keys(facts.roles).join(', ')}`,
				);
		});
		if (card.severity && !severityIds.has(card.severity))
			field(['severity'], 'severity', `unknown severity "${card.severity}"; levels: ${[...severityIds].join(', ')}`);
	}
	return problems;
}

/** Headings outside code, and `{env.` anywhere (code blocks included: that is where commands are). */
export function bodyProblems(file: string, body: string, firstLine: number): ContentProblem[] {
	const problems: ContentProblem[] = [];
	let inFence = false;
	body.split('\n').forEach((text, i) => {
		const line = firstLine + i;
		if (FENCE.test(text)) inFence = !inFence;
		else if (!inFence && /^#{1,6}\s/.test(text)) {
			problems.push({
				file,
				line,
				field: 'heading',
				message: 'cards have no headings (the title is the heading); start the block with a **bold** lead-in instead',
			});
		}
		const env = /\{\s*env\.([A-Za-z0-9_.-]+)\s*\}/.exec(text);
		if (env) {
			problems.push({
				file,
				line,
				column: env.index + 1,
				field: 'fact',
				message: `{env.${env[1]}} shows the default environment, and paper cannot switch: name it, e.g. {facts.environments.production.${env[1]}}`,
			});
		}
	});
	return problems;
}
