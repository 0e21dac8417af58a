/**
 * Readiness as text for a terminal (`opsbook verify`) and as JSON for machines. Evidence gets the file it lives in
 * (content/…) and its address on the live site, so either can be opened from the report; so does every risk
 * acceptance, with whether it counts and why.
 */
import { recordPath } from './schema.ts';
import type { AcceptanceCheck, Criterion, Evidence, Readiness } from './readiness.ts';
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
		e.type === 'record'
			? `${contentLabel}/${recordPath(e.collection, e.id)}`
			: e.type === 'document'
				? `${contentLabel}/${e.id}.mdx`
				: `${contentLabel}/facts.yaml (${e.key})`;
	return { ...e, file, ...(href ? { url: `${siteUrl.replace(/\/$/, '')}/${href}` } : {}) };
}

/** One acceptance as plain data: its file, its fields, and the verdict on it. */
function acceptanceJson(a: AcceptanceCheck, contentLabel: string) {
	const { record, criterionTitle, roleTitle, who, status, counts, note } = a;
	const file = `${contentLabel}/${recordPath('acceptances', record.id)}`;
	return { file, id: record.id, ...record.data, criterionTitle, roleTitle, who, status, counts, note };
}

export function readinessJson(
	readiness: Readiness,
	siteUrl: string,
	contentLabel = 'content',
	policyLabel = `${contentLabel}/policy.yaml`,
): unknown {
	const { policy, ...rest } = readiness;
	return {
		...rest,
		verdict: readiness.go ? 'GO' : 'NO-GO',
		policy: policy ? { file: policyLabel, ...policy } : { file: policyLabel, missing: true },
		criteria: readiness.criteria.map(({ acceptance, ...c }) => ({
			...c,
			evidence: c.evidence.map((e) => locateEvidence(e, siteUrl, contentLabel)),
			...(acceptance ? { acceptance: acceptanceJson(acceptance, contentLabel) } : {}),
		})),
		signoffs: readiness.signoffs.map((s) => ({
			role: s.role,
			roleTitle: s.roleTitle,
			status: s.status,
			...(s.record ? { record: `${contentLabel}/${recordPath('signoffs', s.record.id)}`, ...s.record.data } : {}),
		})),
		acceptances: readiness.acceptances.map((a) => acceptanceJson(a, contentLabel)),
	};
}

export const STATUS_LABEL = { pass: 'PASS', fail: 'FAIL', accepted: 'ACCEPTED (risk)' } as const;

/** The verdict in one sentence, as the report, the page and the export say it. */
export function verdictSentence(readiness: Readiness, policyLabel = 'the policy file'): string {
	const { criteria } = readiness;
	if (!readiness.policy) return `NO-GO: no readiness policy (${policyLabel} not found), so nothing can be ready.`;
	const accepted = criteria.filter((c) => c.status === 'accepted');
	const failing = criteria.filter((c) => c.status === 'fail');
	const until = readiness.validUntil ? `; the evidence counts until ${readiness.validUntil}` : '';
	if (readiness.go && !accepted.length) return `GO: all ${criteria.length} criteria pass${until}.`;
	const risks = `${accepted.length} accepted as a risk (${accepted.map((c) => c.id).join(', ')})`;
	if (readiness.go)
		return `GO: ${criteria.length - accepted.length} of ${criteria.length} criteria pass and ${risks}${until}.`;
	return `NO-GO: ${failing.length} of ${criteria.length} criteria not met${accepted.length ? `; ${risks}` : ''}.`;
}

/** One line about an acceptance: who, when, until, why, or why it does not count. */
export function acceptanceLine(a: AcceptanceCheck, who: string): string {
	const d = a.record.data;
	const by = `${a.roleTitle}${who ? ` (${who})` : ''} on ${d.date}, until ${d.expires}: ${d.reason}`;
	return a.counts ? `ACCEPTED by ${by}` : `DOES NOT COUNT: ${a.note}. By ${by}`;
}

/**
 * The criteria as an aligned table (PASS / FAIL / ACCEPTED and the reason), then every missing item, then the
 * accepted risks and every acceptance record, then the verdict.
 */
export function readinessTable(
	readiness: Readiness,
	contentLabel = 'content',
	hint?: string,
	policyLabel = `${contentLabel}/policy.yaml`,
): string {
	const head0 = `Deployment readiness on ${readiness.on} (from ${contentLabel}/ documents and ${contentLabel}/records/)`;
	if (!readiness.policy) {
		const how = `Write the policy (the task's subtasks, the approval settings and the criteria) to ${policyLabel}.`;
		return `${[head0, '', verdictSentence(readiness, policyLabel), how].join('\n')}\n`;
	}
	const summary = (c: Criterion) =>
		c.status !== 'fail' ? c.reason : c.missing.length > 1 ? `${c.missing.length} problems (below)` : c.reason;
	const rows = readiness.criteria.map((c, i) => [String(i + 1), c.title, STATUS_LABEL[c.status], summary(c)]);
	const head = ['#', 'Criterion', 'Status', 'Reason'];
	const widths = [0, 1, 2].map((col) => Math.max(head[col]!.length, ...rows.map((r) => r[col]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]!) : cell))
			.join('  ')
			.trimEnd();
	const out = [head0, '', line(head), line(widths.map((w) => '-'.repeat(w)).concat('------')), ...rows.map(line)];

	const failing = readiness.criteria.filter((c) => c.status === 'fail');
	if (failing.length) {
		out.push('', 'Missing:');
		for (const c of failing) {
			out.push(`  ${c.title} (subtask ${c.subtask}):`);
			for (const m of c.missing) out.push(`    - ${m}`);
		}
	}
	const accepted = readiness.criteria.filter((c) => c.status === 'accepted');
	if (accepted.length) {
		out.push('', 'Accepted as a risk (still missing, deployed anyway):');
		for (const c of accepted) {
			out.push(`  ${c.title} (subtask ${c.subtask}): ${c.reason}`);
			for (const m of c.missing) out.push(`    - ${m}`);
		}
	}
	if (readiness.signoffs.length) {
		out.push('', 'Sign-offs:');
		const width = Math.max(...readiness.signoffs.map((x) => x.roleTitle.length));
		for (const s of readiness.signoffs) {
			const r = s.record?.data;
			const decided = r ? `  ${r.date} ${r.decision}${r.conditions.length ? ` (${r.conditions.join('; ')})` : ''}` : '';
			out.push(`  ${s.roleTitle.padEnd(width)}  ${s.status.toUpperCase()}${decided}`);
		}
	}
	if (readiness.acceptances.length) {
		out.push('', 'Risk acceptances:');
		for (const a of readiness.acceptances) {
			out.push(`  ${contentLabel}/${recordPath('acceptances', a.record.id)}`);
			out.push(`    ${a.criterionTitle}: ${acceptanceLine(a, a.who)}`);
		}
	}
	out.push('', verdictSentence(readiness, policyLabel));
	if (hint) out.push(hint);
	return `${out.join('\n')}\n`;
}
