/**
 * How checklist and session times are written. Stored times are ISO 8601 UTC strings; people read local time on the
 * page, and exports carry UTC (post-incident timelines are kept in UTC) next to local time where useful.
 */

/** `2026-11-26 10:02:13 UTC` */
export function utcStamp(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `2026-11-26T10:02:13Z`: ISO without milliseconds, as record files store it. */
export function utcIso(iso: string): string {
	return `${iso.slice(0, 19)}Z`;
}

/** `2026-11-26 11:02:13 (UTC+01:00)` in the reader's time zone. */
export function localStamp(iso: string): string {
	const d = new Date(iso);
	const offset = -d.getTimezoneOffset();
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return `${localDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/** Short local time for the page: `11:02`, or `2026-11-25 11:02` when it was not today. */
export function shortLocal(iso: string, now = new Date()): string {
	const d = new Date(iso);
	const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
	return localDay(d) === localDay(now) ? time : `${localDay(d)} ${time}`;
}

/** `YYYY-MM-DDTHH:MM` in local time, the value format of <input type="datetime-local">. */
export function localInputValue(date: Date): string {
	return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function localDay(d: Date): string {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
