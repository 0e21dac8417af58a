/**
 * The computed parts of the Markdown export, as GitHub-flavoured Markdown text: the deployment approval checklist
 * (every criterion of the policy with its status, reason and evidence, the verdict, the risk acceptances and the
 * sign-off table), the sign-off section appended to the deployment checklist, and the training sessions with their
 * attendance.
 */
import { oldestFirst } from '../records/record-order.ts';
import type { Facts } from '../facts/schema.ts';
import { recordPath, type RecordSet } from '../records/schema.ts';
import { subtaskTitle } from '../records/policy.ts';
import type { Evidence, Readiness } from '../records/readiness.ts';
import { STATUS_LABEL, verdictSentence } from '../records/readiness-report.ts';
import { personName, roleTitle } from '../records/record-people.ts';

/** Markdown for one piece of evidence, as seen from the file being written. */
export type EvidenceLinker = (e: Evidence) => string;

export function cell(text: string): string {
	return text
		.replace(/\|/g, '\\|')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

export function table(head: string[], rows: string[][]): string {
	return [
		`| ${head.map(cell).join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
	].join('\n');
}

export function approvalChecklistMarkdown(
	readiness: Readiness,
	facts: Facts,
	link: EvidenceLinker,
	generated: string,
	contentLabel = 'content',
): string {
	const { policy } = readiness;
	const verdict = readiness.go ? 'GO' : 'NO-GO';
	// The verdict sentence without its "GO: " / "NO-GO: " prefix, which the bold decision already says.
	const sentence = verdictSentence(readiness, `${contentLabel}/policy.yaml`).replace(
		/^(NO-)?GO: (.)/,
		(_, _no, c: string) => c.toUpperCase(),
	);
	const out = [
		'# Deployment approval checklist',
		'',
		`<!-- ${generated} -->`,
		'',
		...(policy?.task.approval ?? []).map((id) => `- Subtask ${id}: ${subtaskTitle(policy, id)}`),
		...(policy?.task.approval.length ? [''] : []),
		`**Decision: ${verdict}.** ${sentence}`,
		'',
		`Computed for ${readiness.on} from the documents and the records in \`content/records/\`. ` +
			'Nothing here is ticked by hand: run `npm run verify` for the state today, and `npm run export` to refresh this file.',
		'',
		'## Checklist',
		'',
	];
	for (const c of readiness.criteria) {
		const a = c.acceptance;
		const why =
			c.status === 'pass'
				? c.reason
				: a
					? `Accepted by ${a.roleTitle} (${a.who}) on ${a.record.data.date} until ${a.record.data.expires}: ${a.record.data.reason}`
					: '';
		out.push(
			`- [${c.status === 'fail' ? ' ' : 'x'}] **${c.title}** (subtask ${c.subtask}): **${STATUS_LABEL[c.status]}**. ${why}`.trimEnd(),
		);
		for (const m of c.missing) out.push(`  - Missing: ${m}`);
		if (c.evidence.length) out.push(`  - Evidence: ${c.evidence.map(link).join(', ')}`);
		out.push(`  - Counts: ${c.rule}`);
	}
	if (!policy)
		out.push(
			`No readiness policy: write \`${contentLabel}/policy.yaml\` ` +
				"(the task's subtasks, the approval settings and the criteria).",
		);
	out.push(
		'',
		riskAcceptanceMarkdown(readiness, facts, link, contentLabel),
		'',
		signoffMarkdown(readiness, '##', facts),
		'',
	);
	return out.join('\n');
}

/** Who may accept each criterion's risk, how to write the record, and every acceptance with whether it counts. */
export function riskAcceptanceMarkdown(
	readiness: Readiness,
	facts: Facts,
	link: EvidenceLinker,
	contentLabel = 'content',
): string {
	const { policy } = readiness;
	const folder = `${contentLabel}/records/acceptances/`;
	const maxDays = policy?.riskAcceptance.maxDays;
	const out = [
		'## Risk acceptance',
		'',
		`A failed criterion may be accepted as a risk in writing: one file in \`${folder}\` with \`criterion\` (its id), ` +
			'`role`, `person` or `name`, `date`, `reason`, `expires` and optional `conditions`. It counts toward GO while ' +
			`unexpired, and only when the policy lets that role accept that criterion${maxDays ? `; an acceptance runs at most ${maxDays} days` : ''}.`,
		'',
	];
	if (policy) {
		const rows = readiness.criteria.map((c) => [
			c.title,
			c.id,
			c.acceptedBy.map((r) => roleTitle(facts, r)).join(', ') || 'nobody',
		]);
		out.push(table(['Criterion', 'Id', 'May be accepted by'], rows), '');
	}
	if (!readiness.acceptances.length) out.push('No acceptance recorded.');
	else {
		const rows = readiness.acceptances.map((a) => {
			const d = a.record.data;
			const record = link({
				type: 'record',
				collection: 'acceptances',
				id: a.record.id,
				label: recordPath('acceptances', a.record.id),
			});
			return [
				a.criterionTitle,
				`${a.roleTitle} (${a.who})`,
				d.date,
				d.expires,
				d.reason,
				d.conditions.join('; '),
				a.counts ? 'Yes' : `No: ${a.note}`,
				record,
			];
		});
		out.push(table(['Criterion', 'Accepted by', 'Date', 'Until', 'Reason', 'Conditions', 'Counts', 'Record'], rows));
	}
	return out.join('\n');
}

/** The sign-off table: one row per required role, its deciding record or an empty line to sign. */
export function signoffMarkdown(readiness: Readiness, level: string, facts: Facts): string {
	const rows = readiness.signoffs.map((s) => {
		const r = s.record?.data;
		const name = r ? personName(facts, r, false) : '';
		const status = { approved: 'Approved', rejected: 'Rejected', expired: 'Expired (too old)', missing: 'Not signed' }[
			s.status
		];
		return [
			s.roleTitle,
			name,
			r?.date ?? '',
			`${status}${r?.version ? ` (${r.version})` : ''}`,
			r?.conditions.join('; ') ?? '',
			'',
		];
	});
	const signoffSubtask = readiness.criteria.find((c) => c.kind === 'signoffs')?.subtask;
	return [
		`${level} Sign-off`,
		'',
		`Required before production${signoffSubtask ? ` (subtask ${signoffSubtask})` : ''}. The latest sign-off record of ` +
			'each role in `content/records/signoffs/` decides; a printed copy can be signed in the last column.',
		'',
		rows.length
			? table(['Role', 'Approved by', 'Date', 'Decision', 'Conditions', 'Signature'], rows)
			: 'No required roles: add `approvals.requiredRoles` to the policy (policy.yaml).',
	].join('\n');
}

/** Knowledge-transfer sessions and attendance, appended to the training materials. */
export function trainingRecordsMarkdown(
	records: RecordSet,
	readiness: Readiness,
	facts: Facts,
	link: EvidenceLinker,
): string {
	const criterion = readiness.criteria.find((c) => c.kind === 'training');
	const agenda = readiness.policy?.task.agenda;
	const sessions = oldestFirst(records.training);
	const out = ['## Knowledge transfer sessions and attendance', ''];
	if (agenda) out.push(`- Subtask ${agenda.subtask}: ${subtaskTitle(readiness.policy, agenda.subtask)}`, '');
	if (criterion) {
		const state = criterion.status === 'fail' ? `Missing: ${criterion.missing.join('; ')}.` : criterion.reason;
		out.push(`Training readiness: **${STATUS_LABEL[criterion.status]}**. ${state}`, '');
	}
	if (agenda) {
		const covered = (id: string) =>
			sessions
				.filter((s) => s.data.agenda.includes(id))
				.map((s) => s.data.date)
				.join(', ') || 'not yet';
		out.push(
			`### Agenda (subtask ${agenda.subtask})`,
			'',
			table(
				['Agenda item', 'Id', 'Covered in'],
				agenda.items.map((a) => [a.title, a.id, covered(a.id)]),
			),
			'',
		);
	}
	if (!sessions.length)
		out.push(
			'No session recorded yet: each session is a file in `content/records/training/` (see `content/records/README.md`).',
			'',
		);
	for (const s of sessions) {
		const record = link({ type: 'record', collection: 'training', id: s.id, label: recordPath('training', s.id) });
		out.push(
			`### ${s.data.date}: ${s.data.topic}`,
			'',
			`Presenter: ${roleTitle(facts, s.data.presenter)} · duration ${s.data.duration} min · record: ${record}`,
			'',
			table(
				['Attendee', 'Role', 'Attendance sign-off'],
				s.data.attendees.map((a) => [personName(facts, a, false), roleTitle(facts, a.role), '']),
			),
			'',
		);
	}
	return `${out.join('\n')}\n`;
}
