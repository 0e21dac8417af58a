/**
 * Every pre-build content check, in one call. Each returns problems; none throws on bad content. checkContent() is
 * the synchronous part (what readiness and the export need); checkAllContent() adds the command checks, which load
 * parsers asynchronously, and is what the build and `opsbook check` run.
 */
import type { z } from 'astro/zod';
import { ContentError, type ContentProblem } from '../core/errors.ts';
import { loadFacts, MISSING_FACTS_MESSAGE, type LoadedFacts } from '../facts/facts.ts';
import type { DocumentDefaults, ResolvedConfig } from '../core/config.ts';
import { resolveKinds, type KindTable } from '../core/kinds.ts';
import { loadSiteDocuments } from '../core/site-documents.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkSections } from './sections.ts';
import { checkHomeLinks } from './home-links.ts';
import { checkAlertLinks, checkAlertRunbooks } from '../alerts/check.ts';
import { loadRuleAlerts } from '../alerts/rules.ts';
import { checkSecrets } from '../core/secrets.ts';
import { checkCards } from '../cards/check.ts';
import { checkRecords } from '../records/check.ts';
import { listRecordFiles } from '../records/record-files.ts';
import { overdueReviews, strictReviewProblems } from './review.ts';
import { today } from '../core/dates.ts';
import { listCardFiles } from '../cards/card-files.ts';
import { parseDocument } from '../commands/index.ts';
import {
	checkFactsCommands,
	checkFileCommands,
	commandCheck,
	commandContext,
	type CommandContext,
} from './commands-check.ts';
import { fileCheckKey, openCheckCache, type FileCheck } from './check-cache.ts';
import { factsUsedBy } from '../facts/facts-used.ts';
import type { CommandProblem } from '../commands/index.ts';
import { checkMdxTree, mdxSyntaxProblem } from './mdx.ts';
import { readText } from '../core/text-input.ts';
import {
	buildLinkIndex,
	checkSourceLinks,
	coverageReport,
	findForeignSyntax,
	sourceUrlsOf,
	type SourceUrl,
} from '../byo/index.ts';

export interface CheckOptions {
	/** strict: command rule findings fail too (config `profile`). */
	profile?: 'default' | 'strict';
	/** Overdue reviews fail the check (config `strictReview`). */
	strictReview?: boolean;
	/** The day reviews are judged on (config `today`); default: today. */
	today?: string | undefined;
	/** The readiness policy (config `policy`); default: policy.yaml in the content folder. */
	policyFile?: string | undefined;
	/** facts.yaml as loaded already (the build loads it once); read from `dir` when absent. */
	facts?: LoadedFacts | undefined;
	/** Kinds (config `kinds` resolved); default: the built-in ones. */
	kinds?: KindTable;
	/** Document defaults, site-wide and per folder (config `defaults`, `folders`). */
	defaults?: DocumentDefaults;
	folders?: Record<string, DocumentDefaults>;
	/** Globs of content files to leave out (config `exclude`). */
	exclude?: readonly string[];
	/** Absolute globs of Prometheus rule files (config `alertRules`). */
	alertRules?: readonly string[];
	/** The site's own front-matter fields (config `frontmatter`), a Zod object. */
	frontmatter?: z.ZodObject | undefined;
	/** Where what each file's check found is kept between runs (config `cacheDir`); none: every file is checked. */
	cacheDir?: string | undefined;
}

/** The configuration keys that are check options, named once. */
const CHECK_OPTION_KEYS = [
	'profile',
	'strictReview',
	'today',
	'policyFile',
	'kinds',
	'defaults',
	'folders',
	'exclude',
	'alertRules',
	'frontmatter',
	'cacheDir',
] as const satisfies ReadonlyArray<keyof CheckOptions & keyof ResolvedConfig>;

/** The check options a site's configuration sets: the build, `opsbook check`, `verify` and `export` read alike. */
export function checkOptionsFor(config: Pick<ResolvedConfig, (typeof CHECK_OPTION_KEYS)[number]>): CheckOptions {
	return Object.fromEntries(CHECK_OPTION_KEYS.map((key) => [key, config[key]])) as CheckOptions;
}

export function checkContent(dir: string, options: CheckOptions = {}) {
	const result = collectContentProblems(dir, options);
	if (result.problems.length) throw new ContentError(result.problems);
	return result;
}

export async function checkAllContent(dir: string, options: CheckOptions = {}) {
	const result = collectContentProblems(dir, options);
	const problems = [...result.problems];
	// One parse per file serves the MDX check, the command check and the link check; what they found is kept by file
	// (check-cache.ts), so a warm build parses and checks only the files that changed.
	const cache = openCheckCache(options.cacheDir);
	const context = commandContext(result.facts);
	const schema = JSON.stringify(context.schema);
	const commandProblems: CommandProblem[] = [];
	let blocks = 0;
	// The parsers' time alone, for the files checked this time (the build log and the benchmark report it).
	let commandMs = 0;
	const urls: Array<{ file: string; urls: SourceUrl[] }> = [];
	for (const file of [...result.pages.map((d) => d.source.file), ...listCardFiles(dir)]) {
		const source = readText(file);
		const key = fileCheckKey([file, source, factsUsedBy(result.facts.facts, source), schema]);
		let check = cache.get(file, key);
		if (!check) {
			const checked = await checkFile(file, source, context);
			commandMs += checked.commandMs;
			check = checked.check;
			cache.set(file, key, check);
		}
		if (check.syntax) problems.push(check.syntax);
		problems.push(...check.mdx);
		commandProblems.push(...check.commands);
		blocks += check.blocks;
		urls.push({ file, urls: check.urls });
	}
	const factsCommands = await checkFactsCommands(result.facts, context);
	commandProblems.push(...factsCommands.problems);
	const commands = commandCheck(commandProblems, blocks + factsCommands.blocks, commandMs + factsCommands.ms);
	// Kept before the verdict: what was checked stays checked, even when another file fails the build.
	cache.save();
	const strict = options.profile === 'strict';
	const warnings = [...result.warnings];
	// A command that does not parse fails a strict site; in runbooks brought as they are (`kubectl get pod
	// <pod-name>` is everywhere) it is a warning, so one snippet cannot stop a team's first build.
	(strict ? problems : warnings).push(...commands.errors);
	(strict ? problems : warnings).push(...commands.findings);
	const links = checkSourceLinks(urls, buildLinkIndex(result.site));
	(strict ? problems : warnings).push(...links.problems);
	const syntax = { rendered: 0, leftAsText: 0 };
	for (const page of result.pages) {
		for (const f of findForeignSyntax(page.source.body)) {
			if (f.rendered) syntax.rendered++;
			else {
				syntax.leftAsText++;
				warnings.push({
					file: page.source.file,
					line: page.source.bodyLine + f.line - 1,
					field: 'syntax',
					message: `${f.what} is not rendered by Opsbook: shown as written`,
				});
			}
		}
	}
	if (problems.length) throw new ContentError(problems);
	const complete = new Set(result.documents.map((d) => d.source.file));
	const coverage = coverageReport({
		documents: result.pages.map((p) => ({
			id: p.site.id,
			data: p.data,
			file: p.source.file,
			complete: complete.has(p.source.file),
			kindFrom: p.site.normalized.kindFrom,
		})),
		drafts: result.drafts.map((d) => ({ rel: d.doc.rel })),
		unread: result.site.inventory.unread,
		links,
		alerts: result.alerts,
		syntax,
		warnings: warnings.length,
		profile: options.profile ?? 'default',
		extraFields: Object.keys(options.frontmatter?.shape ?? {}),
	});
	return { ...result, commands: { ...commands, files: urls.length, cached: cache.hits }, links, warnings, coverage };
}

/** Parses one document or card and checks it: MDX, commands, and the URLs it links to (checked against the site later). */
async function checkFile(
	file: string,
	source: string,
	context: CommandContext,
): Promise<{ check: FileCheck; commandMs: number }> {
	const mdx = file.endsWith('.mdx');
	let parsed: ReturnType<typeof parseDocument>;
	try {
		parsed = parseDocument(source, { mdx });
	} catch (error) {
		return {
			check: { syntax: mdxSyntaxProblem(file, error), mdx: [], commands: [], blocks: 0, urls: [] },
			commandMs: 0,
		};
	}
	const { tree, text } = parsed;
	const commands = await checkFileCommands(file, tree, text, context);
	const check = {
		mdx: mdx ? checkMdxTree(file, tree) : [],
		commands: commands.problems,
		blocks: commands.blocks,
		urls: sourceUrlsOf(tree),
	};
	return { check, commandMs: commands.ms };
}

function collectContentProblems(dir: string, options: CheckOptions) {
	const strict = options.profile === 'strict';
	const kinds = options.kinds ?? resolveKinds();
	const facts = options.facts ?? loadFacts(dir);
	const site = loadSiteDocuments(dir, {
		kinds,
		defaults: options.defaults ?? {},
		folders: options.folders ?? {},
		exclude: options.exclude ?? [],
		extraFields: Object.keys(options.frontmatter?.shape ?? {}),
	});
	const rules = options.alertRules?.length
		? loadRuleAlerts(options.alertRules)
		: { alerts: [], problems: [], files: [] };
	const front = checkFrontmatter(
		site.all,
		facts,
		options.profile ?? 'default',
		kinds,
		new Set(rules.alerts.map((a) => a.name)),
		options.frontmatter,
	);
	const { documents, pages, problems, warnings } = front;
	const report = (ps: ContentProblem[]) => (strict ? problems : warnings).push(...ps);
	if (facts.missing && strict) problems.push({ file: facts.file, message: MISSING_FACTS_MESSAGE });
	// Two files on one URL can never both be shown: an error at every level, naming both.
	problems.push(...site.problems.filter((p) => p.field === 'URL'));
	report(site.problems.filter((p) => p.field !== 'URL'));
	// A kind guessed from the folder name (a runbooks/ folder of notes) owes no sections below strict; the coverage
	// report counts them instead of a warning per document.
	report(
		checkSections(
			strict ? pages : pages.filter((p) => ['frontmatter', 'defaults'].includes(p.site.normalized.kindFrom)),
			kinds,
		),
	);
	const ids = new Set(pages.map((p) => p.site.id));
	problems.push(...checkHomeLinks(ids, facts, sectionIds(pages)));
	report(checkAlertRunbooks(pages, facts));
	warnings.push(...rules.problems);
	const alerts = checkAlertLinks(pages, facts, rules.alerts);
	// Under strict the front matter check already names alerts nobody defines.
	report(strict ? alerts.problems.filter((p) => !p.field?.startsWith('frontmatter')) : alerts.problems);
	// Every file that ends up on the site or in print: facts, documents and records (cards scan their own, with a
	// message about paper).
	const records = listRecordFiles(dir).map((r) => r.file);
	problems.push(
		...checkSecrets(dir, [...(facts.missing ? [] : [facts.file]), ...site.all.map((s) => s.source.file), ...records]),
	);
	problems.push(...checkCards(dir, facts, ids));
	problems.push(...checkRecords(dir, facts, documents, options.policyFile).problems);
	const overdue = overdueReviews(documents, today(options.today));
	if (options.strictReview) problems.push(...strictReviewProblems(overdue));
	return { facts, documents, pages, drafts: front.drafts, site, alerts, overdue, problems, warnings };
}

/** Top-level folders that hold documents: each has a section page. */
function sectionIds(pages: Array<{ data: { source: { folder: string } } }>): Set<string> {
	return new Set(pages.map((p) => p.data.source.folder.split('/')[0] ?? '').filter(Boolean));
}
