/**
 * The kinds of document, the folder each lives in under `content/`, and how the site presents them.
 * Adding a kind means adding a row here and a folder; navigation, index pages and checks follow.
 */
export const KINDS = {
	runbook: { folder: 'runbooks', label: 'Runbooks', summary: 'Step-by-step operations: deploy, roll back, scale, troubleshoot.' },
	playbook: { folder: 'playbooks', label: 'Incident playbooks', summary: 'What to do when something is wrong: detection to review, per scenario.' },
	procedure: { folder: 'procedures', label: 'Procedures & checklists', summary: 'Gates, checklists and escalation paths to follow every time.' },
	template: { folder: 'templates', label: 'Templates', summary: 'Fill-in documents: post-incident review and communications.' },
	training: { folder: 'training', label: 'Training', summary: 'How the system works, how to read its signals, exercises.' },
} as const;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];
export const KIND_FOLDERS = KIND_NAMES.map((k) => KINDS[k].folder);

export function kindOfFolder(folder: string): Kind | undefined {
	return KIND_NAMES.find((k) => KINDS[k].folder === folder);
}
