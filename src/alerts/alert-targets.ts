/**
 * Where each alert's runbook entry is: the heading named exactly after the alert (`### UploadsApiHighErrorRate`),
 * preferring runbooks over other kinds. Pure, over headings with their slugs, so the build check (from source) and
 * the alert pages (from Astro's rendered headings) resolve alerts the same way.
 */
export interface HeadingRef {
	text: string;
	slug: string;
}
export interface DocHeadings {
	id: string;
	kind: string;
	headings: HeadingRef[];
}
export interface AlertTarget {
	alert: string;
	docId: string;
	anchor: string;
}

export function alertTargets(alerts: string[], docs: DocHeadings[]): Map<string, AlertTarget> {
	const ordered = [...docs].sort((a, b) => Number(b.kind === 'runbook') - Number(a.kind === 'runbook'));
	const out = new Map<string, AlertTarget>();
	for (const alert of alerts) {
		for (const doc of ordered) {
			const heading = doc.headings.find((h) => h.text.trim() === alert);
			if (heading) {
				out.set(alert, { alert, docId: doc.id, anchor: heading.slug });
				break;
			}
		}
	}
	return out;
}

/** What linking an alert to its runbook needs of a document. */
export interface AlertDoc extends DocHeadings {
	/** File name as written, without extension (`KubePodCrashLooping`); index pages have none. */
	name?: string | undefined;
	/** Other paths of the document (the name as written, aliases), for runbook_url matching. */
	paths?: string[];
	/** The document's own `alerts:` list. */
	alerts?: string[];
}

export interface AlertSource {
	name: string;
	runbookUrl?: string | undefined;
}

/**
 * Each alert's runbook, by the first of: its runbook_url annotation (the URL's path or last segment names a
 * document, its fragment a heading), a document named after it (KubePodCrashLooping.md), a heading named after it,
 * a document listing it under `alerts:`. Pure.
 */
export function linkAlerts(alerts: AlertSource[], docs: AlertDoc[]): Map<string, AlertTarget> {
	const byHeading = alertTargets(
		alerts.map((a) => a.name),
		docs,
	);
	const byPath = new Map<string, AlertDoc>();
	for (const d of docs) for (const p of [d.id, ...(d.paths ?? [])]) byPath.set(p.toLowerCase(), d);
	const out = new Map<string, AlertTarget>();
	for (const alert of alerts) {
		const name = alert.name;
		const fromUrl = alert.runbookUrl ? docForUrl(alert.runbookUrl, byPath, docs) : undefined;
		const named = docs.find((d) => d.name === name) ?? docs.find((d) => d.name?.toLowerCase() === name.toLowerCase());
		const listed = docs.find((d) => d.alerts?.includes(name));
		const heading = byHeading.get(name);
		const target =
			fromUrl ??
			(named ? { alert: name, docId: named.id, anchor: '' } : undefined) ??
			heading ??
			(listed ? { alert: name, docId: listed.id, anchor: '' } : undefined);
		if (target) out.set(name, { ...target, alert: name });
	}
	return out;
}

function docForUrl(url: string, byPath: Map<string, AlertDoc>, docs: AlertDoc[]): AlertTarget | undefined {
	if (/\{\{/.test(url.split('?')[0]!)) return undefined;
	let pathname: string;
	let hash = '';
	try {
		const u = new URL(url, 'http://x/');
		pathname = decodeURIComponent(u.pathname);
		hash = decodeURIComponent(u.hash.slice(1));
	} catch {
		return undefined;
	}
	const parts = pathname
		.replace(/\.(md|mdx|html?)$/i, '')
		.split('/')
		.filter(Boolean);
	// The longest tail of the URL's path that is a document's path: /runbooks/kubernetes/kubepodcrashlooping.
	for (let i = 0; i < parts.length; i++) {
		const doc = byPath.get(parts.slice(i).join('/').toLowerCase());
		if (doc) {
			const anchor = hash && doc.headings.some((h) => h.slug === hash) ? hash : '';
			return { alert: '', docId: doc.id, anchor };
		}
	}
	const last = parts.at(-1)?.toLowerCase();
	const doc = last ? docs.find((d) => d.name?.toLowerCase() === last) : undefined;
	return doc ? { alert: '', docId: doc.id, anchor: '' } : undefined;
}
