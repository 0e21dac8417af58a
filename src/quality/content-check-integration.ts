/**
 * Runs the content checks before Astro reads a single page, so bad content fails fast with file:line messages
 * instead of a stack trace from deep inside the build.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { displayPath } from '../core/paths.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { formatProblem } from '../core/errors.ts';
import { checkAllContent } from './check-content.ts';

export async function checkContentStep(site: ResolvedConfig, logger: AstroIntegrationLogger, facts?: LoadedFacts): Promise<void> {
	const options = { strictReview: site.strictReview, today: site.today, profile: site.profile, policyFile: site.policyFile, facts };
	const { documents, overdue, commands, warnings } = await checkAllContent(site.contentDir, options);
	logger.info(`${documents.length} documents passed the content checks (${commands.blocks} commands checked in ${commands.ms} ms)`);
	for (const w of warnings) logger.warn(formatProblem(w));
	// The review report: every overdue document with its owner, so the build log is the reminder.
	if (overdue.length) {
		const s = overdue.length === 1 ? '' : 's';
		logger.warn(`review overdue: ${overdue.length} document${s} (set strictReview: true or OPSBOOK_STRICT_REVIEW=1 to fail the build)`);
		for (const o of overdue) logger.warn(`  ${displayPath(o.file)}:${o.line} due ${o.dueOn}, ${o.daysOver} days over, owner ${o.owner}`);
	}
}
