/**
 * The computed parts of the Markdown export, as GitHub-flavoured Markdown text: the deployment approval checklist
 * (every criterion with its status, reason and evidence, the verdict and the sign-off table), the sign-off section
 * appended to the deployment checklist, and the training sessions with their attendance.
 */
import type { Facts } from '../facts/schema.ts';
import { recordPath, type RecordSet } from '../records/schema.ts';
import { subtaskTitle, TRAINING_AGENDA } from '../records/task.ts';
import type { Evidence, Readiness } from '../records/readiness.ts';
import { personName, roleTitle } from '../records/record-people.ts';

/** Markdown for one piece of evidence, as seen from the file being written. */
export type EvidenceLinker = (e: Evidence) => string;

export function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

export function table(head: string[], rows: string[][]): string {
	return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function approvalChecklistMarkdown(readiness: Readiness, facts: Facts, link: EvidenceLinker, generated: string): string {
	const failing = readiness.criteria.filter((c) => !c.pass);
	const verdict = readiness.go ? 'GO' : 'NO-GO';
	const out = [
		'# Deployment approval checklist',
		'',
		`<!-- ${generated} -->`,
		'',
		`- Subtask 5.2: ${subtaskTitle('5.2')}`,
		`- Subtask 5.3: ${subtaskTitle('5.3')}`,
		'',
		`**Decision: ${verdict}.** ${readiness.go ? `All ${readiness.criteria.length} criteria pass${readiness.validUntil ? `; the evidence counts until ${readiness.validUntil}` : ''}.` : `${failing.length} of ${readiness.criteria.length} criteria not met.`}`,
		'',
		`Computed for ${readiness.on} from the documents and the records in \`content/records/\`. Nothing here is ticked by hand: run \`npm run verify\` for the state today, and \`npm run export\` to refresh this file.`,
		'',
		'## Checklist',
		'',
	];
	for (const c of readiness.criteria) {
		out.push(`- [${c.pass ? 'x' : ' '}] **${c.title}** (subtask ${c.subtask}): **${c.pass ? 'PASS' : 'FAIL'}**. ${c.pass ? c.reason : ''}`.trimEnd());
		for (const m of c.missing) out.push(`  - Missing: ${m}`);
		if (c.evidence.length) out.push(`  - Evidence: ${c.evidence.map(link).join(', ')}`);
		out.push(`  - Counts: ${c.rule}`);
	}
	out.push('', signoffMarkdown(readiness, '##', facts), '');
	return out.join('\n');
}

/** The sign-off table: one row per required role, its deciding record or an empty line to sign. */
export function signoffMarkdown(readiness: Readiness, level: string, facts: Facts): string {
	const rows = readiness.signoffs.map((s) => {
		const r = s.record?.data;
		const name = r ? personName(facts, r, false) : '';
		const status = { approved: 'Approved', rejected: 'Rejected', expired: 'Expired (too old)', missing: 'Not signed' }[s.status];
		return [s.roleTitle, name, r?.date ?? '', `${status}${r?.version ? ` (${r.version})` : ''}`, r?.conditions.join('; ') ?? '', ''];
	});
	return [
		`${level} Sign-off`,
		'',
		'Required before production (subtask 5.3). The latest sign-off record of each role in `content/records/signoffs/` decides; a printed copy can be signed in the last column.',
		'',
		rows.length ? table(['Role', 'Approved by', 'Date', 'Decision', 'Conditions', 'Signature'], rows) : 'No required roles: add `approvals.requiredRoles` to facts.yaml.',
	].join('\n');
}

/** Knowledge-transfer sessions and attendance (subtask 4.2), appended to the training materials. */
export function trainingRecordsMarkdown(records: RecordSet, readiness: Readiness, facts: Facts, link: EvidenceLinker): string {
	const criterion = readiness.criteria.find((c) => c.id === 'training')!;
	const sessions = [...records.training].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
	const out = [
		'## Knowledge transfer sessions and attendance',
		'',
		`- Subtask 4.2: ${subtaskTitle('4.2')}`,
		'',
		`Training readiness: **${criterion.pass ? 'PASS' : 'FAIL'}**. ${criterion.pass ? criterion.reason : `Missing: ${criterion.missing.join('; ')}.`}`,
		'',
		'### Agenda (subtask 4.2)',
		'',
		table(
			['Agenda item', 'Id', 'Covered in'],
			TRAINING_AGENDA.map((a) => [a.title, a.id, sessions.filter((s) => s.data.agenda.includes(a.id)).map((s) => s.data.date).join(', ') || 'not yet']),
		),
		'',
	];
	if (!sessions.length) out.push('No session recorded yet: each session is a file in `content/records/training/` (see `content/records/README.md`).', '');
	for (const s of sessions) {
		out.push(
			`### ${s.data.date}: ${s.data.topic}`,
			'',
			`Presenter: ${roleTitle(facts, s.data.presenter)} · duration ${s.data.duration} min · record: ${link({ type: 'record', collection: 'training', id: s.id, label: recordPath('training', s.id) })}`,
			'',
			table(['Attendee', 'Role', 'Attendance sign-off'], s.data.attendees.map((a) => [personName(facts, a, false), roleTitle(facts, a.role), ''])),
			'',
		);
	}
	return `${out.join('\n')}\n`;
}
