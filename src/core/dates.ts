/** Dates at day precision, in UTC, with "today" overridable so tests and builds of old commits are reproducible. */

/** Today at 00:00 UTC, or the configured fixed day (config `today`, OPSBOOK_TODAY) when given. */
export function today(fixed?: string): Date {
	const now = fixed ? new Date(`${fixed}T00:00:00Z`) : new Date();
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
	return new Date(d.getTime() + days * 86_400_000);
}

export interface ReviewState {
	dueOn: Date;
	overdue: boolean;
	/** Days past due (positive) or left (negative). */
	daysOver: number;
}

export function reviewState(lastReviewed: Date, reviewEvery: number, on: Date): ReviewState {
	const dueOn = addDays(lastReviewed, reviewEvery);
	const daysOver = Math.floor((on.getTime() - dueOn.getTime()) / 86_400_000);
	return { dueOn, overdue: daysOver > 0, daysOver };
}

export function formatMinutes(minutes: number): string {
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return m ? `${h} h ${m} min` : `${h} h`;
}
