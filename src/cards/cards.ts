/**
 * The cards as the pages show them: each card joined with the document it summarises (review date, kind), its
 * address on the live site, the QR code for that address, its severity level and its audience's role titles.
 * Plain data computed once per page build from the `cards` and `docs` collections and facts.yaml.
 */
import config from 'virtual:opsbook/config';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { SeverityLevel } from '../facts/schema.ts';
import type { CardSize } from './schema.ts';
import type { Doc } from '../core/docs.ts';
import { liveDocumentUrl } from '../core/live-url.ts';
import { qrSvg } from './qr-svg.ts';
import { facts } from '../facts/site-facts.ts';

export type CardEntry = CollectionEntry<'cards'>;

export interface CardView {
	entry: CardEntry;
	id: string;
	title: string;
	defaultSize: CardSize;
	doc: Doc;
	/** The summarised document on the live site: what the QR code encodes. */
	url: string;
	qr: string;
	severity?: SeverityLevel | undefined;
	audience: string[];
}

export function byCardOrder(a: CardEntry, b: CardEntry): number {
	return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);
}

export async function allCardViews(): Promise<CardView[]> {
	const entries = (await getCollection('cards')).sort(byCardOrder);
	return Promise.all(entries.map(cardView));
}

export async function cardView(entry: CardEntry): Promise<CardView> {
	const { data } = entry;
	const doc = await getEntry('docs', data.summarises);
	// The pre-build check (src/cards/check.ts) already names the file and line; this only guards the types.
	if (!doc) throw new Error(`card "${entry.id}": no document "${data.summarises}"`);
	const url = liveDocumentUrl(facts.site.url, config.base, doc.id);
	return {
		entry,
		id: entry.id,
		title: data.title,
		defaultSize: data.defaultSize,
		doc,
		url,
		qr: qrSvg(url, { label: `QR code: ${doc.data.title} at ${url}` }),
		severity: data.severity ? facts.severities.find((s) => s.id === data.severity) : undefined,
		audience: data.audience.map((key) => facts.roles[key]?.title ?? key),
	};
}
