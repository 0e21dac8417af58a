/**
 * Bring your own runbooks (issue #17): Markdown trees written for Hugo, MkDocs, Docusaurus, GitLab or no tool at all,
 * shown as they are. Reading the tree is core's (src/core/sources.ts, normalize.ts, site-documents.ts); this folder
 * holds what the pages and the reports add: links between source files, syntax of other tools, the coverage report.
 */
import { route } from '../core/routes.ts';

export {
	buildLinkIndex,
	checkSourceLinks,
	resolveLink,
	sourceUrlsOf,
	type LinkIndex,
	type LinkReport,
	type SourceUrl,
} from './links.ts';
export { remarkSourceLinks, remarkForeignSyntax, remarkLeadingTitle, findForeignSyntax } from './remark-byo.ts';
export { convertMarkdown, type Conversion } from './convert.ts';
export { coverageReport, formatCoverage, type CoverageReport } from './coverage.ts';
export { virtualCoverage } from './virtual-coverage.ts';
export { devAttachments } from './dev-attachments.ts';

export const byoRoutes = [route('/coverage', './routes/coverage.astro', import.meta.url)];
