/**
 * The Markdown export's layout: the source task's deliverable file names (DOCS/RUNBOOKS/DEPLOYMENT_RUNBOOK.md, ...)
 * and which document goes into each. One table, by document id; an entry ending in "/" takes a whole folder, merged
 * into one file (the five incident scenarios form INCIDENT_RESPONSE_PLAYBOOK.md). A document the table does not name
 * still gets a file, named after it, so nothing written in content/ is left out of the export.
 */

export type Appendix = 'signoffs' | 'training-records';

export interface ExportEntry {
	/** A document id (`runbooks/deployment`), or a folder (`playbooks/`) for a merged file. */
	match: string;
	/** Path inside the export folder. */
	file: string;
	/** Title of a merged file. */
	title?: string;
	/** What the file says before its documents (merged files). */
	intro?: string;
	/** Computed sections appended from the records. */
	appendix?: Appendix;
}

export const EXPORT_LAYOUT: readonly ExportEntry[] = [
	{ match: 'runbooks/deployment', file: 'RUNBOOKS/DEPLOYMENT_RUNBOOK.md' },
	{ match: 'runbooks/rollback', file: 'RUNBOOKS/ROLLBACK_RUNBOOK.md' },
	{ match: 'runbooks/scaling', file: 'RUNBOOKS/SCALING_RUNBOOK.md' },
	{ match: 'runbooks/troubleshooting', file: 'RUNBOOKS/TROUBLESHOOTING_RUNBOOK.md' },
	{ match: 'procedures/deployment-checklist', file: 'PROCEDURES/DEPLOYMENT_CHECKLIST.md', appendix: 'signoffs' },
	{
		match: 'playbooks/',
		file: 'PROCEDURES/INCIDENT_RESPONSE_PLAYBOOK.md',
		title: 'Incident response playbook',
		intro:
			'Security incident procedures, one section per scenario: detection, triage, investigation, evidence, containment, eradication, recovery, communication and post-incident review.',
	},
	{ match: 'procedures/escalation', file: 'PROCEDURES/ESCALATION_PROCEDURES.md' },
	{ match: 'templates/post-incident-review', file: 'PROCEDURES/POST_INCIDENT_REVIEW_TEMPLATE.md' },
	{ match: 'templates/communication', file: 'PROCEDURES/COMMUNICATION_TEMPLATES.md' },
	{ match: 'procedures/post-deployment-verification', file: 'PROCEDURES/POST_DEPLOYMENT_VERIFICATION.md' },
	{
		match: 'training/',
		file: 'PROCEDURES/TRAINING_MATERIALS.md',
		title: 'Training materials',
		intro:
			'Operations team training (subtask 4.1) and the knowledge-transfer sessions held with it (subtask 4.2, attendance at the end).',
		appendix: 'training-records',
	},
];

/** The computed approval checklist, at the top of the export folder. */
export const APPROVAL_FILE = 'DEPLOYMENT_APPROVAL_CHECKLIST.md';
export const INDEX_FILE = 'README.md';

/** The entry a document belongs to: its own, its folder's, or a file named after it. */
export function exportEntryOf(id: string): ExportEntry {
	const entry =
		EXPORT_LAYOUT.find((e) => e.match === id) ??
		EXPORT_LAYOUT.find((e) => e.match.endsWith('/') && id.startsWith(e.match));
	if (entry) return entry;
	const [folder = '', ...rest] = id.split('/');
	const name = rest
		.join('_')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.toUpperCase();
	return { match: id, file: `${folder === 'runbooks' ? 'RUNBOOKS' : 'PROCEDURES'}/${name}.md` };
}

/** Entries that must exist even with no document (the task's verification commands list them). */
export const REQUIRED_ENTRIES = EXPORT_LAYOUT.filter((e) => e.appendix);
