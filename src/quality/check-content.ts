/** Every pre-build content check, in one call. Each returns problems; none throws on bad content. */
import { ContentError } from '../core/errors.ts';
import { listDocumentFiles, readSourceFile } from '../core/content-files.ts';
import { loadFacts } from '../facts/facts.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkSections } from './sections.ts';
import { checkHomeLinks } from './home-links.ts';
import { checkAlertRunbooks } from '../alerts/check.ts';
import { checkSecrets } from '../core/secrets.ts';
import { checkCards } from '../cards/check.ts';
import { checkRecords } from '../records/check.ts';
import { overdueReviews, strictReviewProblems } from './review.ts';
import { today } from '../core/dates.ts';

export interface CheckOptions {
	/** Overdue reviews fail the check (config `strictReview`). */
	strictReview?: boolean;
	/** The day reviews are judged on (config `today`); default: today. */
	today?: string | undefined;
	/** The readiness policy (config `policy`); default: policy.yaml in the content folder. */
	policyFile?: string | undefined;
}

export function checkContent(dir: string, options: CheckOptions = {}) {
	const facts = loadFacts(dir);
	const sources = listDocumentFiles(dir).map((f) => readSourceFile(dir, f));
	const { documents, problems } = checkFrontmatter(sources, facts);
	problems.push(...checkSections(documents));
	problems.push(...checkHomeLinks(new Set(sources.map((s) => s.id)), facts));
	problems.push(...checkAlertRunbooks(documents, facts));
	problems.push(...checkSecrets(dir, [facts.file, ...sources.map((s) => s.file)]));
	problems.push(...checkCards(dir, facts, new Set(sources.map((s) => s.id))));
	problems.push(...checkRecords(dir, facts, documents, options.policyFile).problems);
	const overdue = overdueReviews(documents, today(options.today));
	if (options.strictReview) problems.push(...strictReviewProblems(overdue));
	if (problems.length) throw new ContentError(problems);
	return { facts, documents, overdue };
}
