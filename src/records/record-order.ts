/**
 * The one order of records: by date, newest first; on the same day the later file name first (a second session that
 * day is named -2, -3…). The pages, readiness ("the latest rehearsal") and the export all use it, so they agree.
 */
export interface Dated {
	id: string;
	data: { date: string };
}

export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => b.data.date.localeCompare(a.data.date) || b.id.localeCompare(a.id));
}

/** Oldest first: the same order reversed, for chronological logs. */
export function oldestFirst<T extends Dated>(items: readonly T[]): T[] {
	return newestFirst(items).reverse();
}

export function latest<T extends Dated>(items: readonly T[]): T | undefined {
	return newestFirst(items)[0];
}
