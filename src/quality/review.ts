/**
 * Review freshness: documents past lastReviewed + reviewEvery. Always reported; in strict mode
 * (config `strictReview`, OPSBOOK_STRICT_REVIEW=1 or `opsbook build --strict-review`) each one is a build failure.
 */
import type { ContentProblem } from '../core/errors.ts';
import { isoDay, reviewState } from '../core/dates.ts';
import type { CheckedDocument } from './frontmatter.ts';

export interface OverdueReview {
	id: string;
	file: string;
	line: number;
	lastReviewed: string;
	dueOn: string;
	daysOver: number;
	owner: string;
}

export function overdueReviews(documents: CheckedDocument[], on: Date): OverdueReview[] {
	return documents.flatMap((d) => {
		const state = reviewState(d.data.lastReviewed, d.data.reviewEvery, on);
		if (!state.overdue) return [];
		return [
			{
				id: d.source.id,
				file: d.source.file,
				line: d.lineOf(['lastReviewed']),
				lastReviewed: isoDay(d.data.lastReviewed),
				dueOn: isoDay(state.dueOn),
				daysOver: state.daysOver,
				owner: `${d.data.owner.team} (${d.data.owner.role})`,
			},
		];
	});
}

export function strictReviewProblems(overdue: OverdueReview[]): ContentProblem[] {
	return overdue.map((o) => ({
		file: o.file,
		line: o.line,
		field: 'frontmatter field "lastReviewed"',
		message: `review overdue by ${o.daysOver} days (due ${o.dueOn}; strict review mode is on): review the document and update lastReviewed`,
	}));
}
