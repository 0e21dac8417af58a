/**
 * What the checklist script announces on `document` when someone ticks, unticks or resets a checklist. The incident
 * session listens; checklists know nothing about sessions (data flows one way: checklist -> event -> session).
 */
export const CHECKLIST_EVENT = 'opsbook:checklist';

export interface ChecklistChange {
	action: 'tick' | 'untick' | 'reset';
	/** ISO 8601 UTC time of the change. */
	at: string;
	doc: string;
	docTitle: string;
	/** Content hash of the checklist (build time): identifies this version of it. */
	checklist: string;
	/** Heading of the section the checklist sits in. */
	title: string;
	phase?: string;
	/** For tick/untick: the item's key and its text as shown (with the chosen environment's values). */
	item?: string;
	text?: string;
}
