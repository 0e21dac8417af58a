/**
 * The kinds of document, the folder each lives in under `content/`, and how the site presents them.
 *
 * The five handbook kinds own a top-level folder each. Two more are built in without a folder: `alert` (the shape of
 * public alert runbook collections: Meaning, Impact, Diagnosis, Mitigation) and `page` (anything else, no required
 * sections). A site adds kinds or changes these with the `kinds` option; the table every check and page reads is
 * resolveKinds(config.kinds).
 */
import type { SectionRule } from './required-sections.ts';
import { REQUIRED_SECTIONS, sectionRule } from './required-sections.ts';

export const KINDS = {
	runbook: {
		folder: 'runbooks',
		label: 'Runbooks',
		summary: 'Step-by-step operations: deploy, roll back, scale, troubleshoot.',
	},
	playbook: {
		folder: 'playbooks',
		label: 'Incident playbooks',
		summary: 'What to do when something is wrong: detection to review, per scenario.',
	},
	procedure: {
		folder: 'procedures',
		label: 'Procedures & checklists',
		summary: 'Gates, checklists and escalation paths to follow every time.',
	},
	template: {
		folder: 'templates',
		label: 'Templates',
		summary: 'Fill-in documents: post-incident review and communications.',
	},
	training: {
		folder: 'training',
		label: 'Training',
		summary: 'How the system works, how to read its signals, exercises.',
	},
} as const;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];
export const KIND_FOLDERS = KIND_NAMES.map((k) => KINDS[k].folder);

export function kindOfFolder(folder: string): Kind | undefined {
	return KIND_NAMES.find((k) => KINDS[k].folder === folder);
}

/** A kind as configured: the built-in ones plus the site's `kinds` option. */
export interface KindInfo {
	name: string;
	/** The top-level folder whose documents are of this kind, when the kind owns one. */
	folder?: string | undefined;
	label: string;
	summary: string;
	sections: SectionRule[];
}
export type KindTable = Record<string, KindInfo>;

/** What documents of no other kind are: no required sections. */
export const FALLBACK_KIND = 'page';
export const ALERT_KIND = 'alert';

const BUILT_IN: KindTable = {
	...Object.fromEntries(KIND_NAMES.map((name) => [name, { name, ...KINDS[name], sections: REQUIRED_SECTIONS[name] }])),
	[ALERT_KIND]: {
		name: ALERT_KIND,
		label: 'Alert runbooks',
		summary: 'What an alert means, what it costs, how to diagnose and mitigate it.',
		sections: ['Meaning', 'Impact', 'Diagnosis', 'Mitigation'].map((n) => sectionRule(n)),
	},
	[FALLBACK_KIND]: { name: FALLBACK_KIND, label: 'Documents', summary: 'Notes and how-tos.', sections: [] },
};

type SectionInput = string | { name: string; accepts?: string[] | undefined };
export interface KindInput {
	label?: string | undefined;
	summary?: string | undefined;
	folder?: string | undefined;
	sections?: SectionInput[] | undefined;
}

export function resolveKinds(configured: Record<string, KindInput> = {}): KindTable {
	const table: KindTable = { ...BUILT_IN };
	for (const [name, k] of Object.entries(configured)) {
		const base = table[name];
		table[name] = {
			name,
			folder: k.folder ?? base?.folder,
			label: k.label ?? base?.label ?? name.charAt(0).toUpperCase() + name.slice(1),
			summary: k.summary ?? base?.summary ?? '',
			sections: k.sections
				? k.sections.map((s) => (typeof s === 'string' ? sectionRule(s) : sectionRule(s.name, ...(s.accepts ?? []))))
				: (base?.sections ?? []),
		};
	}
	return table;
}

/** The kind whose folder is this top-level folder. */
export function kindForFolder(kinds: KindTable, topFolder: string): string | undefined {
	return Object.values(kinds).find((k) => k.folder === topFolder)?.name;
}

/**
 * The kind a document's headings show it is: a kind with required sections whose every section the document has
 * (most sections first). A public alert runbook has Meaning, Impact, Diagnosis and Mitigation and no `kind:`.
 */
export function kindByShape(kinds: KindTable, h2Texts: string[]): string | undefined {
	const headings = h2Texts.map((t) => t.trim().toLowerCase());
	const has = (r: SectionRule) => r.accepts.some((a) => headings.some((h) => h.startsWith(a.toLowerCase())));
	return Object.values(kinds)
		.filter((k) => k.sections.length > 0 && k.sections.every(has))
		.sort((a, b) => b.sections.length - a.sections.length)[0]?.name;
}
