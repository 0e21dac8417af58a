/**
 * Where the site shows each record and each piece of evidence: training sessions and rehearsals have their own log
 * pages, the other records are listed on the approval page. Paths are site-relative; pages pass them to withBase().
 */
import type { RecordCollection } from './schema.ts';
import type { Evidence } from './readiness.ts';

export const RECORD_PAGES = {
	training: 'records/training/',
	rehearsals: 'records/rehearsals/',
	verifications: 'approval/',
	ci: 'approval/',
	signoffs: 'approval/',
	acceptances: 'approval/',
} as const satisfies Record<RecordCollection, string>;

/** The element id a record's section or row carries on its page. */
export function recordAnchor(collection: RecordCollection, id: string): string {
	return `${collection}-${id}`;
}

export function recordHref(collection: RecordCollection, id: string): string {
	return `${RECORD_PAGES[collection]}#${recordAnchor(collection, id)}`;
}

/** Site-relative link of a piece of evidence, or undefined for a fact (facts.yaml has no page). */
export function evidenceHref(e: Evidence): string | undefined {
	if (e.type === 'document') return `${e.id}/`;
	if (e.type === 'record') return recordHref(e.collection, e.id);
	return undefined;
}
