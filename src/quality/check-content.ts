/**
 * Every pre-build content check, in one call. Each returns problems; none throws on bad content. checkContent() is
 * the synchronous part (what readiness and the export need); checkAllContent() adds the command checks, which load
 * parsers asynchronously, and is what the build and `opsbook check` run.
 */
import { ContentError } from '../core/errors.ts';
import { listDocumentFiles, readSourceFile } from '../core/content-files.ts';
import { loadFacts, type LoadedFacts } from '../facts/facts.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkSections } from './sections.ts';
import { checkHomeLinks } from './home-links.ts';
import { checkAlertRunbooks } from '../alerts/check.ts';
import { checkSecrets } from '../core/secrets.ts';
import { checkCards } from '../cards/check.ts';
import { checkRecords } from '../records/check.ts';
import { listRecordFiles } from '../records/record-files.ts';
import { overdueReviews, strictReviewProblems } from './review.ts';
import { today } from '../core/dates.ts';
import { listCardFiles } from '../cards/card-files.ts';
import { parseDocument } from '../commands/index.ts';
import { checkCommands, type ParsedFile } from './commands-check.ts';
import { checkMdxTree, mdxSyntaxProblem } from './mdx.ts';
import { readText } from '../core/text-input.ts';

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
}

export function checkContent(dir: string, options: CheckOptions = {}) {
	const result = collectContentProblems(dir, options);
	if (result.problems.length) throw new ContentError(result.problems);
	return result;
}

export async function checkAllContent(dir: string, options: CheckOptions = {}) {
	const result = collectContentProblems(dir, options);
	// One parse per file serves the MDX check and the command check.
	const parsed: ParsedFile[] = [];
	const problems = [...result.problems];
	for (const file of [...result.documents.map((d) => d.source.file), ...listCardFiles(dir)]) {
		const mdx = file.endsWith('.mdx');
		try {
			const { tree, text } = parseDocument(readText(file), { mdx });
			if (mdx) problems.push(...checkMdxTree(file, tree));
			parsed.push({ file, tree, text });
		} catch (error) {
			problems.push(mdxSyntaxProblem(file, error));
		}
	}
	const commands = await checkCommands(result.facts, parsed);
	problems.push(...commands.errors);
	if (options.profile === 'strict') problems.push(...commands.findings);
	if (problems.length) throw new ContentError(problems);
	return { ...result, commands, warnings: options.profile === 'strict' ? [] : commands.findings };
}

function collectContentProblems(dir: string, options: CheckOptions) {
	const facts = options.facts ?? loadFacts(dir);
	const sources = listDocumentFiles(dir).map((f) => readSourceFile(dir, f));
	const { documents, problems } = checkFrontmatter(sources, facts);
	problems.push(...checkSections(documents));
	problems.push(...checkHomeLinks(new Set(sources.map((s) => s.id)), facts));
	problems.push(...checkAlertRunbooks(documents, facts));
	// Every file that ends up on the site or in print: facts, documents and records (cards scan their own, with a
	// message about paper).
	const records = listRecordFiles(dir).map((r) => r.file);
	problems.push(...checkSecrets(dir, [facts.file, ...sources.map((s) => s.file), ...records]));
	problems.push(...checkCards(dir, facts, new Set(sources.map((s) => s.id))));
	problems.push(...checkRecords(dir, facts, documents, options.policyFile).problems);
	const overdue = overdueReviews(documents, today(options.today));
	if (options.strictReview) problems.push(...strictReviewProblems(overdue));
	return { facts, documents, overdue, problems };
}
