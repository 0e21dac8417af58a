/** Every pre-build content check, in one call. Each returns problems; none throws on bad content. */
import { ContentError } from '../utils/content-error.ts';
import { listDocumentFiles, readSourceFile } from '../utils/content-files.ts';
import { loadFacts } from '../utils/facts.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkSections } from './sections.ts';
import { checkHomeLinks } from './home-links.ts';
import { checkAlertRunbooks } from './alerts.ts';
import { checkSecrets } from './secrets.ts';
import { checkCards } from './cards.ts';
import { checkRecords } from './records.ts';
import { isStrictReview, overdueReviews, strictReviewProblems } from './review.ts';

export function checkContent(dir: string) {
	const facts = loadFacts(dir);
	const sources = listDocumentFiles(dir).map((f) => readSourceFile(dir, f));
	const { documents, problems } = checkFrontmatter(sources, facts);
	problems.push(...checkSections(documents));
	problems.push(...checkHomeLinks(new Set(sources.map((s) => s.id)), facts));
	problems.push(...checkAlertRunbooks(documents, facts));
	problems.push(...checkSecrets(dir, [facts.file, ...sources.map((s) => s.file)]));
	problems.push(...checkCards(dir, facts, new Set(sources.map((s) => s.id))));
	problems.push(...checkRecords(dir, facts, documents).problems);
	const overdue = overdueReviews(documents);
	if (isStrictReview()) problems.push(...strictReviewProblems(overdue));
	if (problems.length) throw new ContentError(problems);
	return { facts, documents, overdue };
}
