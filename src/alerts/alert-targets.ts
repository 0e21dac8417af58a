/**
 * Where each alert's runbook entry is: the heading named exactly after the alert (`### UploadsApiHighErrorRate`),
 * preferring runbooks over other kinds. Pure, over headings with their slugs, so the build check (from source) and
 * the alert pages (from Astro's rendered headings) resolve alerts the same way.
 */
export interface HeadingRef { text: string; slug: string }
export interface DocHeadings { id: string; kind: string; headings: HeadingRef[] }
export interface AlertTarget { alert: string; docId: string; anchor: string }

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
