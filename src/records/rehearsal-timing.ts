/** A rehearsal's phases against the checklist's estimates: actual minutes, difference, and what was not recorded. */
import type { RehearsalRecord } from './schema.ts';

export interface PhaseEstimate {
	id: string;
	title: string;
	minutes: number;
}

export interface PhaseTiming {
	id: string;
	title: string;
	estimate?: number;
	/** Minutes from start to end, one decimal. */
	actual?: number;
	/** actual - estimate, when both exist. */
	delta?: number;
	start?: string;
	end?: string;
}

export interface RehearsalTiming {
	phases: PhaseTiming[];
	estimateTotal: number;
	/** Sum of the recorded phases' durations. */
	actualTotal: number;
	/** First start to last end, minutes (includes pauses between phases). */
	elapsed?: number;
	unrecorded: string[];
}

const minutes = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 6_000) / 10;

export function rehearsalTiming(record: Pick<RehearsalRecord, 'phases'>, estimates: PhaseEstimate[]): RehearsalTiming {
	const recorded = new Map(record.phases.map((p) => [p.id, p]));
	const phases: PhaseTiming[] = estimates.map((e) => {
		const p = recorded.get(e.id);
		if (!p) return { id: e.id, title: e.title, estimate: e.minutes };
		const actual = minutes(p.start, p.end);
		return {
			id: e.id,
			title: e.title,
			estimate: e.minutes,
			actual,
			delta: Math.round((actual - e.minutes) * 10) / 10,
			start: p.start,
			end: p.end,
		};
	});
	// Phases the record has but the checklist no longer declares (renamed since): shown, never dropped.
	for (const p of record.phases) {
		if (!estimates.some((e) => e.id === p.id))
			phases.push({ id: p.id, title: p.id, actual: minutes(p.start, p.end), start: p.start, end: p.end });
	}
	const starts = record.phases.map((p) => p.start).sort();
	const ends = record.phases.map((p) => p.end).sort();
	return {
		phases,
		estimateTotal: estimates.reduce((sum, e) => sum + e.minutes, 0),
		actualTotal: Math.round(phases.reduce((sum, p) => sum + (p.actual ?? 0), 0) * 10) / 10,
		...(starts.length ? { elapsed: minutes(starts[0]!, ends.at(-1)!) } : {}),
		unrecorded: estimates.filter((e) => !recorded.has(e.id)).map((e) => e.id),
	};
}
