/**
 * Incident sessions as plain data, and the pure functions that change them. The browser script
 * (src/checklists/client/incident-session.ts) stores them; exports (src/checklists/client/session-export.ts) read them; tests run these in Node.
 */
import type { ChecklistChange } from './checklist-events.ts';
import type { PhaseInfo } from './checklist-dom.ts';

export interface SessionEvent {
	at: string;
	action: ChecklistChange['action'];
	doc: string;
	/** Checklist version (content hash). */
	checklist: string;
	item?: string;
	text?: string;
	phase?: string;
}

/** What a session saw of a checklist: enough to list unticked checks in a verification record. */
export interface ChecklistSnapshot {
	doc: string;
	title: string;
	phase?: string;
	items: Array<{ key: string; text: string }>;
}

export interface Session {
	id: string;
	/** Incident ID or name, as typed. */
	name: string;
	startedAt: string;
	endedAt?: string;
	/** Environment chosen in the picker when the session started. */
	environment: string;
	docs: Record<string, { title: string; phases: PhaseInfo[] }>;
	/** Keyed by checklist content hash. */
	checklists: Record<string, ChecklistSnapshot>;
	events: SessionEvent[];
}

export function newSession(name: string, startedAt: Date, environment: string, id = randomId()): Session {
	return {
		id,
		name: name.trim(),
		startedAt: startedAt.toISOString(),
		environment,
		docs: {},
		checklists: {},
		events: [],
	};
}

export function recordChange(session: Session, change: ChecklistChange): Session {
	const event: SessionEvent = {
		at: change.at,
		action: change.action,
		doc: change.doc,
		checklist: change.checklist,
		...(change.item ? { item: change.item } : {}),
		...(change.text ? { text: change.text } : {}),
		...(change.phase ? { phase: change.phase } : {}),
	};
	const docs = session.docs[change.doc]
		? session.docs
		: { ...session.docs, [change.doc]: { title: change.docTitle, phases: [] } };
	return { ...session, docs, events: [...session.events, event] };
}

export interface SeenChecklist extends ChecklistSnapshot {
	hash: string;
	docTitle: string;
	docPhases: PhaseInfo[];
}

/** Remembers the checklists of a page the session visited (their items and the document's phases). */
export function rememberChecklists(session: Session, seen: SeenChecklist[]): Session {
	const docs = { ...session.docs };
	const checklists = { ...session.checklists };
	for (const c of seen) {
		docs[c.doc] = { title: c.docTitle, phases: c.docPhases };
		checklists[c.hash] = { doc: c.doc, title: c.title, ...(c.phase ? { phase: c.phase } : {}), items: c.items };
	}
	return { ...session, docs, checklists };
}

export function endSession(session: Session, at: Date): Session {
	return { ...session, endedAt: at.toISOString() };
}

/** Each item's last state in the session: ticked (with its time) or not. Keyed by `<checklist>/<item>`. */
export function finalTicks(session: Session): Map<string, { at: string; text: string } | null> {
	const out = new Map<string, { at: string; text: string } | null>();
	for (const e of session.events) {
		if (e.action === 'reset') {
			for (const key of out.keys()) if (key.startsWith(`${e.checklist}/`)) out.set(key, null);
		} else if (e.item)
			out.set(`${e.checklist}/${e.item}`, e.action === 'tick' ? { at: e.at, text: e.text ?? '' } : null);
	}
	return out;
}

function randomId(): string {
	return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
