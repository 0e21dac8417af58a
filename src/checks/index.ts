/** Every pre-build content check, in one call. Each returns problems; none throws on bad content. */
import { ContentError } from '../utils/content-error.ts';
import { listDocumentFiles, readSourceFile } from '../utils/content-files.ts';
import { loadFacts } from '../utils/facts.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkSections } from './sections.ts';
import { checkHomeLinks } from './home-links.ts';

export function checkContent(dir: string) {
	const facts = loadFacts(dir);
	const sources = listDocumentFiles(dir).map((f) => readSourceFile(dir, f));
	const { documents, problems } = checkFrontmatter(sources, facts);
	problems.push(...checkSections(documents));
	problems.push(...checkHomeLinks(new Set(documents.map((d) => d.source.id)), facts));
	if (problems.length) throw new ContentError(problems);
	return { facts, documents };
}
