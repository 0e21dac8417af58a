/**
 * Runs the content checks before Astro reads a single page, so bad content fails fast with file:line messages
 * instead of a stack trace from deep inside the build. Warnings (the default profile's findings, files the build does
 * not read, drafts left out) are printed and returned for the coverage report.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ResolvedConfig } from '../core/config.ts';
import { displayPath } from '../core/paths.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { formatProblem } from '../core/errors.ts';
import { checkAllContent, checkOptionsFor } from './check-content.ts';

export type ContentCheckResult = Awaited<ReturnType<typeof checkAllContent>>;

/** More than this many warnings are summarised: 1116 lines scroll the one that matters out of sight. */
const SHOWN_WARNINGS = 40;

export async function checkContentStep(
	site: ResolvedConfig,
	logger: AstroIntegrationLogger,
	facts?: LoadedFacts,
): Promise<ContentCheckResult> {
	const options = { ...checkOptionsFor(site), facts };
	const started = performance.now();
	const result = await checkAllContent(site.contentDir, options);
	const { pages, overdue, commands, warnings, drafts } = result;
	// Its duration, as no line marks where the step starts: the benchmark reads it (src/bench/phases.ts).
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	logger.info(
		`${pages.length} documents passed the content checks in ${seconds} s ` +
			(commands.cached
				? `(${commands.blocks} commands; ${commands.cached} of ${commands.files} files unchanged since the last check, the others checked in ${commands.ms} ms)`
				: `(${commands.blocks} commands checked in ${commands.ms} ms)`),
	);
	for (const w of warnings.slice(0, SHOWN_WARNINGS)) logger.warn(formatProblem(w));
	if (warnings.length > SHOWN_WARNINGS)
		logger.warn(`… and ${warnings.length - SHOWN_WARNINGS} more warnings (opsbook check --json lists them all)`);
	const unread = result.site.inventory.unread;
	if (unread.length) {
		logger.warn(
			`${unread.length} file${unread.length === 1 ? '' : 's'} in ${displayPath(site.contentDir)}/ the build does not read: ${unread.slice(0, 20).join(', ')}${unread.length > 20 ? ', …' : ''}`,
		);
	}
	if (drafts.length) logger.info(`left out as drafts (draft: true): ${drafts.map((d) => d.doc.rel).join(', ')}`);
	// The review report: every overdue document with its owner, so the build log is the reminder.
	if (overdue.length) {
		const s = overdue.length === 1 ? '' : 's';
		logger.warn(
			`review overdue: ${overdue.length} document${s} (set strictReview: true or OPSBOOK_STRICT_REVIEW=1 to fail the build)`,
		);
		for (const o of overdue)
			logger.warn(`  ${displayPath(o.file)}:${o.line} due ${o.dueOn}, ${o.daysOver} days over, owner ${o.owner}`);
	}
	return result;
}
