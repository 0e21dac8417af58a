/**
 * The source task (task 5.8, "Deployment Runbook & Handoff") as data: its subtasks with their titles, which of them a
 * document must deliver, and the knowledge-transfer agenda of subtask 4.2. Documents name subtasks in `covers:`; the
 * readiness computation, the record checks and the Markdown export all read this one table.
 */

export interface Subtask {
	id: string;
	title: string;
}

export const SUBTASKS: readonly Subtask[] = [
	{ id: '1.1', title: 'Create pre-deployment verification checklist' },
	{ id: '2.1', title: 'Create deployment runbook' },
	{ id: '2.2', title: 'Create rollback runbook' },
	{ id: '2.3', title: 'Create scaling runbook' },
	{ id: '2.4', title: 'Create troubleshooting runbook' },
	{ id: '3.1', title: 'Create security incident playbook' },
	{ id: '3.2', title: 'Create escalation procedures' },
	{ id: '3.3', title: 'Create post-incident review template' },
	{ id: '4.1', title: 'Prepare training materials' },
	{ id: '4.2', title: 'Conduct knowledge transfer session' },
	{ id: '4.3', title: 'Conduct deployment rehearsal' },
	{ id: '4.4', title: 'Conduct post-deployment verification' },
	{ id: '5.1', title: 'Finalize all documentation' },
	{ id: '5.2', title: 'Create deployment approval checklist' },
	{ id: '5.3', title: 'Collect sign-offs' },
];

export function subtaskTitle(id: string): string | undefined {
	return SUBTASKS.find((s) => s.id === id)?.title;
}

/**
 * Subtasks whose deliverable is a document, and how many documents at least (3.1 asks for five attack scenarios,
 * one playbook each). The others are done by records (4.2, 4.3, 4.4 as an activity) or computed (5.2, 5.3).
 * 4.4 is here for its procedure ("post-deployment verification procedures documented", definition of done 7).
 */
export const DOCUMENT_DELIVERABLES: ReadonlyArray<{ subtask: string; minDocuments: number }> = [
	{ subtask: '1.1', minDocuments: 1 },
	{ subtask: '2.1', minDocuments: 1 },
	{ subtask: '2.2', minDocuments: 1 },
	{ subtask: '2.3', minDocuments: 1 },
	{ subtask: '2.4', minDocuments: 1 },
	{ subtask: '3.1', minDocuments: 5 },
	{ subtask: '3.2', minDocuments: 1 },
	{ subtask: '3.3', minDocuments: 1 },
	{ subtask: '4.1', minDocuments: 1 },
	{ subtask: '4.4', minDocuments: 1 },
];

/** The items of subtask 4.2, with the ids training records use in `agenda:`. Stable: records refer to them. */
export const TRAINING_AGENDA = [
	{ id: 'architecture', title: 'Review architecture with team' },
	{ id: 'runbooks', title: 'Walk through each runbook' },
	{ id: 'monitoring', title: 'Demonstrate monitoring setup' },
	{ id: 'alerts', title: 'Show alert interpretation' },
	{ id: 'incident-response', title: 'Review incident response procedures' },
	{ id: 'qa', title: 'Q&A session' },
	{ id: 'attendance', title: 'Document attendees and sign-off' },
] as const;

export type AgendaId = (typeof TRAINING_AGENDA)[number]['id'];
export const AGENDA_IDS = TRAINING_AGENDA.map((a) => a.id) as AgendaId[];
