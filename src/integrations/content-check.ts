/**
 * Runs the content checks before Astro reads a single page, so bad content fails fast with file:line messages
 * instead of a stack trace from deep inside the build.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../checks/index.ts';
import { contentDir } from '../utils/project-paths.ts';

export function contentCheck(): AstroIntegration {
	return {
		name: 'opsbook:content-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				const { documents } = checkContent(contentDir());
				logger.info(`${documents.length} documents passed the content checks`);
			},
		},
	};
}
