/**
 * What an incident session exports: one Markdown timeline for the whole session (UTC, document, item), and, for a
 * session run against a checklist with timed phases, a rehearsal record or a post-deployment verification record in
 * the records collection's format (src/records/records-shape.ts), as YAML ready to commit. Pure functions.
 */
import {
	REHEARSAL_FIELDS,
	REHEARSAL_PHASE_FIELDS,
	RECORD_FOLDERS,
	VERIFICATION_CHECK_FIELDS,
	VERIFICATION_FIELDS,
	type RehearsalRecord,
	type RehearsalResult,
	type VerificationRecord,
} from '../../records/records-shape.ts';
import { finalTicks, type Session } from './session-model.ts';
import { utcIso, utcStamp } from './time-format.ts';

const ACTIONS = { tick: '[x]', untick: '[ ] unticked:', reset: 'Checklist reset:' } as const;

export function timelineMarkdown(session: Session, now = new Date()): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
	const lines = [
		`## Incident timeline: ${session.name}`,
		'',
		`- Started: ${utcStamp(session.startedAt)}`,
		`- ${session.endedAt ? `Ended: ${utcStamp(session.endedAt)}` : `In progress (exported ${utcStamp(now.toISOString())})`}`,
		`- Environment: ${session.environment}`,
		`- Documents: ${
			Object.values(session.docs)
				.map((d) => d.title)
				.join(', ') || 'none'
		}`,
		'',
		'| Time (UTC) | Document | Item |',
		'| --- | --- | --- |',
		`| ${utcStamp(session.startedAt)} | | Session started |`,
	];
	for (const e of [...session.events].sort((a, b) => a.at.localeCompare(b.at))) {
		const doc = session.docs[e.doc]?.title ?? e.doc;
		const what =
			e.action === 'reset'
				? `${ACTIONS.reset} ${session.checklists[e.checklist]?.title || 'checklist'}`
				: `${ACTIONS[e.action]} ${e.text ?? e.item ?? ''}`;
		lines.push(`| ${utcStamp(e.at)} | ${cell(doc)} | ${cell(what)} |`);
	}
	if (session.endedAt) lines.push(`| ${utcStamp(session.endedAt)} | | Session ended |`);
	return `${lines.join('\n')}\n`;
}

export interface RehearsalInput {
	version: string;
	environment: string;
	result: RehearsalResult;
	issuesFound: string[];
	lessonsLearned: string[];
	rollbackPractised: boolean;
	alertsVerified: boolean;
	/** Document whose phases were timed; default: the first document of the session that declares phases. */
	checklist?: string;
}

export interface Export<T> {
	record: T;
	/** What the person should check before committing (written as YAML comments). */
	notes: string[];
	yaml: string;
	fileName: string;
}

/** Documents of the session with phases, those with ticks first. */
export function phasedDocuments(session: Session): string[] {
	const ticked = new Set(session.events.filter((e) => e.phase).map((e) => e.doc));
	return Object.entries(session.docs)
		.filter(([id, d]) => d.phases.length > 0 || ticked.has(id))
		.map(([id]) => id)
		.sort((a, b) => Number(ticked.has(b)) - Number(ticked.has(a)));
}

export function rehearsalRecord(session: Session, input: RehearsalInput): Export<RehearsalRecord> {
	const checklist = input.checklist ?? phasedDocuments(session)[0] ?? Object.keys(session.docs)[0] ?? '';
	const declared = session.docs[checklist]?.phases ?? [];
	const ticks = session.events.filter((e) => e.doc === checklist && e.action === 'tick' && e.phase);
	const order = [
		...declared.map((p) => p.id),
		...ticks.map((e) => e.phase!).filter((id) => !declared.some((p) => p.id === id)),
	];
	const notes: string[] = [];
	const phases = [...new Set(order)].flatMap((id) => {
		const times = ticks
			.filter((e) => e.phase === id)
			.map((e) => e.at)
			.sort();
		if (!times.length) {
			notes.push(`phase "${id}" has no ticks in this session, so it has no times`);
			return [];
		}
		return [{ id, start: utcIso(times[0]!), end: utcIso(times.at(-1)!) }];
	});
	if (!ticks.length)
		notes.push(`no ticks in a phased section of ${checklist || 'any document'}: tick the checklist during the session`);
	const record: RehearsalRecord = {
		date: session.startedAt.slice(0, 10),
		environment: input.environment,
		version: input.version.trim(),
		checklist,
		phases,
		result: input.result,
		issuesFound: clean(input.issuesFound),
		lessonsLearned: clean(input.lessonsLearned),
		rollbackPractised: input.rollbackPractised,
		alertsVerified: input.alertsVerified,
	};
	if (!record.version) notes.push('version is empty: fill in the release that was deployed');
	const fileName = `${record.date}-${slug(record.environment)}-${slug(record.version || 'version')}.yaml`;
	const header = [
		`Rehearsal record exported by Opsbook from incident session "${session.name}" (${utcStamp(session.startedAt)}).`,
		'Phase start/end are the first and last tick in each phase of the checklist.',
		`Review it, then commit it as content/${RECORD_FOLDERS.rehearsals}/${fileName}`,
	];
	return {
		record,
		notes,
		fileName,
		yaml: toYaml(record, REHEARSAL_FIELDS, [...header, ...notes.map((n) => `Note: ${n}`)]),
	};
}

export interface VerificationInput {
	version: string;
	environment: string;
	/** `name: value` lines. */
	baselineMetrics: string[];
	/** Document whose checklists are the checks; default: the session's document with "verification" in its id. */
	checklist?: string;
}

export function verificationRecord(session: Session, input: VerificationInput): Export<VerificationRecord> {
	const docs = Object.keys(session.docs);
	const checklist = input.checklist ?? docs.find((d) => d.includes('verification')) ?? docs[0] ?? '';
	const final = finalTicks(session);
	const checks: VerificationRecord['checks'] = [];
	const listed = new Set<string>();
	for (const [hash, snapshot] of Object.entries(session.checklists)) {
		if (snapshot.doc !== checklist) continue;
		for (const item of snapshot.items) {
			const tick = final.get(`${hash}/${item.key}`);
			listed.add(`${hash}/${item.key}`);
			checks.push(
				tick
					? { check: tick.text || item.text, result: 'pass', at: utcIso(tick.at) }
					: { check: item.text, result: 'not-run' },
			);
		}
	}
	// Ticks on checklists the session never saw whole (should not happen, but never drop a recorded tick).
	for (const [key, tick] of final) {
		const [hash] = key.split('/');
		const event = session.events.find((e) => e.checklist === hash);
		if (tick && !listed.has(key) && event?.doc === checklist)
			checks.push({ check: tick.text, result: 'pass', at: utcIso(tick.at) });
	}
	const baselineMetrics: Record<string, string | number> = {};
	for (const line of clean(input.baselineMetrics)) {
		const at = line.indexOf(':');
		if (at <= 0) continue;
		const value = line.slice(at + 1).trim();
		baselineMetrics[line.slice(0, at).trim()] = value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
	}
	const notes: string[] = [];
	if (checks.some((c) => c.result === 'not-run'))
		notes.push('checks nobody ticked are "not-run": change them to "fail" where they failed');
	if (!Object.keys(baselineMetrics).length)
		notes.push('baselineMetrics is empty: add the metrics observed after the deployment');
	const record: VerificationRecord = {
		date: session.startedAt.slice(0, 10),
		version: input.version.trim(),
		environment: input.environment,
		checks,
		baselineMetrics,
	};
	const fileName = `${record.date}-${slug(record.version || 'version')}.yaml`;
	const header = [
		`Post-deployment verification record exported by Opsbook from incident session "${session.name}" (${utcStamp(session.startedAt)}),`,
		`checks from ${checklist || 'no document'}. Review it, then commit it as content/${RECORD_FOLDERS.verifications}/${fileName}`,
	];
	return {
		record,
		notes,
		fileName,
		yaml: toYaml(record, VERIFICATION_FIELDS, [...header, ...notes.map((n) => `Note: ${n}`)]),
	};
}

/** Field orders for nested objects, so files always list fields the same way. */
const NESTED_FIELDS: Record<string, readonly string[]> = {
	phases: REHEARSAL_PHASE_FIELDS,
	checks: VERIFICATION_CHECK_FIELDS,
};

/** A small YAML writer for these records: strings double-quoted (JSON escapes are valid YAML), fields in schema order. */
export function toYaml(record: object, fields: readonly string[], comments: string[] = []): string {
	const out = comments.map((c) => `# ${c}`);
	const values = record as Record<string, unknown>;
	for (const field of fields) {
		if (values[field] === undefined) continue;
		out.push(...entry(field, values[field], '', NESTED_FIELDS[field]));
	}
	return `${out.join('\n')}\n`;
}

function entry(key: string, value: unknown, indent: string, order?: readonly string[]): string[] {
	const name = `${indent}${scalarKey(key)}:`;
	if (Array.isArray(value)) {
		if (!value.length) return [`${name} []`];
		return [name, ...value.flatMap((v) => listItem(v, `${indent}  `, order))];
	}
	if (value !== null && typeof value === 'object') {
		const pairs = Object.entries(value);
		if (!pairs.length) return [`${name} {}`];
		return [name, ...pairs.flatMap(([k, v]) => entry(k, v, `${indent}  `))];
	}
	return [`${name} ${scalar(value)}`];
}

function listItem(value: unknown, indent: string, order?: readonly string[]): string[] {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${indent}- ${scalar(value)}`];
	const object = value as Record<string, unknown>;
	const keys = order ? order.filter((k) => object[k] !== undefined) : Object.keys(object);
	return keys
		.flatMap((k) => entry(k, object[k], `${indent}  `))
		.map((line, i) => (i === 0 ? `${indent}- ${line.trimStart()}` : line));
}

function scalarKey(key: string): string {
	return /^[A-Za-z_][A-Za-z0-9_ .-]*$/.test(key) && !/[:#]/.test(key) ? key : JSON.stringify(key);
}

function scalar(value: unknown): string {
	if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
	return JSON.stringify(String(value ?? ''));
}

function clean(lines: string[]): string[] {
	return lines.map((l) => l.trim()).filter(Boolean);
}

function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9.]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'x'
	);
}
