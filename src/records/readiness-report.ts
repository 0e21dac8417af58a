/**
 * Readiness as text for a terminal (`npm run verify`) and as JSON for machines. Evidence gets the file it lives in
 * (content/…) and its address on the live site, so either can be opened from the report.
 */
import { recordPath } from './schema.ts';
import type { Evidence, Readiness } from './readiness.ts';
import { evidenceHref } from './record-links.ts';

export type LocatedEvidence = Evidence & {
	/** Where it is written, relative to the repository (content folder shown as `content/`). */
	file: string;
	/** Its page on the live site, when it has one. */
	url?: string;
};

export function locateEvidence(e: Evidence, siteUrl: string, contentLabel = 'content'): LocatedEvidence {
	const href = evidenceHref(e);
	const file =
		e.type === 'record' ? `${contentLabel}/${recordPath(e.collection, e.id)}` : e.type === 'document' ? `${contentLabel}/${e.id}.mdx` : `${contentLabel}/facts.yaml (${e.key})`;
	return { ...e, file, ...(href ? { url: `${siteUrl.replace(/\/$/, '')}/${href}` } : {}) };
}

export function readinessJson(readiness: Readiness, siteUrl: string, contentLabel = 'content'): unknown {
	return {
		...readiness,
		verdict: readiness.go ? 'GO' : 'NO-GO',
		criteria: readiness.criteria.map((c) => ({ ...c, evidence: c.evidence.map((e) => locateEvidence(e, siteUrl, contentLabel)) })),
		signoffs: readiness.signoffs.map((s) => ({ role: s.role, roleTitle: s.roleTitle, status: s.status, ...(s.record ? { record: `${contentLabel}/${recordPath('signoffs', s.record.id)}`, ...s.record.data } : {}) })),
	};
}

/** The criteria as an aligned table (PASS / FAIL and the reason), then every missing item, then the verdict. */
export function readinessTable(readiness: Readiness, contentLabel = 'content', hint?: string): string {
	const rows = readiness.criteria.map((c, i) => [String(i + 1), c.title, c.pass ? 'PASS' : 'FAIL', c.pass ? c.reason : c.missing.length > 1 ? `${c.missing.length} problems (below)` : c.reason]);
	const head = ['#', 'Criterion', 'Status', 'Reason'];
	const widths = [0, 1, 2].map((col) => Math.max(head[col]!.length, ...rows.map((r) => r[col]!.length)));
	const line = (cells: string[]) => cells.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]!) : cell)).join('  ').trimEnd();
	const out = [`Deployment readiness on ${readiness.on} (from ${contentLabel}/ documents and ${contentLabel}/records/)`, '', line(head), line(widths.map((w) => '-'.repeat(w)).concat('------')), ...rows.map(line)];

	const failing = readiness.criteria.filter((c) => !c.pass);
	if (failing.length) {
		out.push('', 'Missing:');
		for (const c of failing) {
			out.push(`  ${c.title} (subtask ${c.subtask}):`);
			for (const m of c.missing) out.push(`    - ${m}`);
		}
	}
	if (readiness.signoffs.length) {
		out.push('', 'Sign-offs:');
		for (const s of readiness.signoffs) {
			const r = s.record?.data;
			out.push(`  ${s.roleTitle.padEnd(Math.max(...readiness.signoffs.map((x) => x.roleTitle.length)))}  ${s.status.toUpperCase()}${r ? `  ${r.date} ${r.decision}${r.conditions.length ? ` (${r.conditions.join('; ')})` : ''}` : ''}`);
		}
	}
	out.push('');
	out.push(
		readiness.go
			? `GO: all ${readiness.criteria.length} criteria pass${readiness.validUntil ? `; the evidence counts until ${readiness.validUntil}` : ''}.`
			: `NO-GO: ${failing.length} of ${readiness.criteria.length} criteria not met.`,
	);
	if (hint) out.push(hint);
	return `${out.join('\n')}\n`;
}

