/**
 * Runs the content checks before Astro reads a single page, so bad content fails fast with file:line messages
 * instead of a stack trace from deep inside the build.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../checks/index.ts';
import { contentDir, displayPath } from '../utils/project-paths.ts';

export function contentCheck(): AstroIntegration {
	return {
		name: 'opsbook:content-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				const { documents, overdue } = checkContent(contentDir());
				logger.info(`${documents.length} documents passed the content checks`);
				// The review report: every overdue document with its owner, so the build log is the reminder.
				if (overdue.length) {
					logger.warn(`review overdue: ${overdue.length} document${overdue.length === 1 ? '' : 's'} (set OPSBOOK_STRICT_REVIEW=1 to fail the build)`);
					for (const o of overdue) logger.warn(`  ${displayPath(o.file)}:${o.line} due ${o.dueOn}, ${o.daysOver} days over, owner ${o.owner}`);
				}
			},
		},
	};
}
