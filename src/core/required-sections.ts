/**
 * Sections every document of a kind must have, as h2 headings. One place for the rule: the build check, the
 * tests and the authoring guide in the README all read it. A heading satisfies a rule when its text starts
 * with one of the rule's names (case-insensitive), so "Steps to deploy" counts as "Steps".
 */
import type { Kind } from './kinds.ts';

export interface SectionRule {
	/** What the error message calls the section. */
	name: string;
	/** Accepted heading beginnings. */
	accepts: string[];
}

export const sectionRule = (name: string, ...alternatives: string[]): SectionRule => ({
	name,
	accepts: [name, ...alternatives],
});
const rule = sectionRule;

export const REQUIRED_SECTIONS: Record<Kind, SectionRule[]> = {
	runbook: [
		rule('Prerequisites', 'Before you start'),
		rule('Steps', 'Procedure'),
		rule('Verification', 'Verify'),
		rule('Rollback', 'If it fails', 'If this fails'),
		rule('Escalation', 'Escalate'),
	],
	playbook: [
		rule('Detection'),
		rule('Triage'),
		rule('Investigation'),
		rule('Evidence preservation', 'Preserve evidence'),
		rule('Containment'),
		rule('Eradication'),
		rule('Recovery'),
		rule('Communication'),
		rule('Post-incident review'),
	],
	procedure: [],
	template: [],
	training: [],
};

export function missingSections(kind: Kind | SectionRule[], h2Texts: string[]): SectionRule[] {
	const headings = h2Texts.map((t) => t.trim().toLowerCase());
	const rules = typeof kind === 'string' ? REQUIRED_SECTIONS[kind] : kind;
	return rules.filter((r) => !r.accepts.some((a) => headings.some((h) => h.startsWith(a.toLowerCase()))));
}
