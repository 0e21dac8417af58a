/**
 * Readiness records (content/records/), checked before the build: first the policy (content/policy.yaml) the
 * readiness computation applies, then each record file against its schema (shared with the content collections),
 * then its references against facts.yaml, the documents and the policy: roles, people, environments, documents, the
 * phase ids of the checklist a rehearsal timed, agenda items, accepted criteria. Every problem names file, line and
 * field.
 */
import path from 'node:path';
import type { ContentProblem } from '../core/errors.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { parseYamlWithLines } from '../core/yaml.ts';
import { listRecordFiles, RECORD_ID } from './record-files.ts';
import {
	emptyRecordSet,
	RECORD_COLLECTIONS,
	type RecordCollection,
	type RecordEntry,
	type RecordSet,
} from './schema.ts';
import type { Policy } from './policy.ts';
import { defaultPolicyFile, readPolicyFile } from './policy-file.ts';
import type { CheckedDocument } from '../core/content-files.ts';

type At = (path: ReadonlyArray<PropertyKey>, message: string) => void;

export interface CheckedRecords {
	records: RecordSet;
	/** The valid policy, or undefined when the file is missing or has problems. */
	policy: Policy | undefined;
	problems: ContentProblem[];
}

export function checkRecords(
	dir: string,
	loaded: LoadedFacts,
	documents: CheckedDocument[],
	policyFile: string = defaultPolicyFile(dir),
): CheckedRecords {
	const { policy, problems } = readPolicyFile(policyFile, loaded.facts);
	problems.push(...movedToPolicy(loaded, policyFile));
	const records = emptyRecordSet();
	const refs = references(loaded, documents, policy);

	for (const { collection, file, id, text } of listRecordFiles(dir)) {
		if (!file.endsWith('.yaml')) {
			problems.push({
				file,
				line: 1,
				field: 'file name',
				message: 'record files end in .yaml (a .yml file is not read)',
			});
			continue;
		}
		if (!RECORD_ID.test(id)) {
			problems.push({
				file,
				line: 1,
				field: 'file name',
				message: `"${id}.yaml": use lowercase letters, digits, dots and dashes (the name is the record's id)`,
			});
			continue;
		}
		const yaml = parseYamlWithLines(text);
		if (yaml.syntaxErrors.length) {
			problems.push(
				...yaml.syntaxErrors.map((e) => ({
					file,
					line: e.line,
					column: e.column,
					field: 'YAML',
					message: `syntax: ${e.message}`,
				})),
			);
			continue;
		}
		const at: At = (path, message) =>
			problems.push({ file, line: yaml.lineOf(path), field: `field "${path.join('.') || '(root)'}"`, message });
		const parsed = RECORD_COLLECTIONS[collection].schema.safeParse(yaml.data ?? undefined);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				// An unknown key is reported on its parent; point at the key itself.
				at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path, issue.message);
			}
			continue;
		}
		const entry = { collection, id, data: parsed.data } as RecordEntry;
		crossCheck(entry, refs, at);
		(records[collection] as RecordEntry[]).push(entry);
	}
	return { records, policy, problems };
}

interface References {
	roles: Set<string>;
	people: Set<string>;
	environments: Set<string>;
	documents: Map<string, CheckedDocument>;
	/** Agenda ids and criterion ids of the policy; undefined without a valid policy (nothing to check against). */
	agenda?: string[] | undefined;
	criteria?: string[] | undefined;
}

function references({ facts }: LoadedFacts, documents: CheckedDocument[], policy: Policy | undefined): References {
	return {
		roles: new Set(Object.keys(facts.roles)),
		people: new Set(Object.keys(facts.people)),
		environments: new Set(Object.keys(facts.environments)),
		documents: new Map(documents.map((d) => [d.source.id, d])),
		agenda: policy && (policy.task.agenda?.items.map((a) => a.id) ?? []),
		criteria: policy?.criteria.map((c) => c.id),
	};
}

function crossCheck(entry: RecordEntry, refs: References, at: At): void {
	const role = (path: PropertyKey[], key: string) => {
		if (!refs.roles.has(key)) at(path, `unknown role "${key}"; roles in facts.yaml: ${[...refs.roles].join(', ')}`);
	};
	const person = (path: PropertyKey[], key: string | undefined) => {
		if (key && !refs.people.has(key))
			at(path, `unknown person "${key}"; use a key of people in facts.yaml, or name: for someone not listed there`);
	};
	const environment = (path: PropertyKey[], key: string) => {
		if (!refs.environments.has(key))
			at(path, `unknown environment "${key}"; environments in facts.yaml: ${[...refs.environments].join(', ')}`);
	};
	const document = (path: PropertyKey[], id: string) => {
		if (!refs.documents.has(id)) at(path, `no document "${id}" (ids look like runbooks/rollback)`);
	};
	switch (entry.collection as RecordCollection) {
		case 'training': {
			const data = (entry as RecordEntry<'training'>).data;
			role(['presenter'], data.presenter);
			data.attendees.forEach((a, i) => {
				role(['attendees', i, 'role'], a.role);
				person(['attendees', i, 'person'], a.person);
			});
			for (const [i, id] of data.materials.entries()) document(['materials', i], id);
			for (const [i, id] of data.exercises.entries()) document(['exercises', i], id);
			data.agenda.forEach((id, i) => {
				if (refs.agenda && !refs.agenda.includes(id)) {
					at(
						['agenda', i],
						`unknown agenda item "${id}"; task.agenda in the policy: ${refs.agenda.join(', ') || '(none)'}`,
					);
				}
			});
			return;
		}
		case 'rehearsals': {
			const data = (entry as RecordEntry<'rehearsals'>).data;
			environment(['environment'], data.environment);
			const checklist = refs.documents.get(data.checklist);
			if (!checklist) {
				document(['checklist'], data.checklist);
				return;
			}
			const ids = checklist.data.phases.map((p) => p.id);
			if (!ids.length) {
				at(['checklist'], `${data.checklist} declares no phases: time a document with phases: in its frontmatter`);
				return;
			}
			const seen = new Set<string>();
			data.phases.forEach((p, i) => {
				if (!ids.includes(p.id))
					at(['phases', i, 'id'], `unknown phase "${p.id}" of ${data.checklist}; its phases: ${ids.join(', ')}`);
				else if (seen.has(p.id)) at(['phases', i, 'id'], `phase "${p.id}" is listed twice`);
				seen.add(p.id);
			});
			return;
		}
		case 'verifications':
			environment(['environment'], (entry as RecordEntry<'verifications'>).data.environment);
			return;
		case 'signoffs': {
			const data = (entry as RecordEntry<'signoffs'>).data;
			role(['role'], data.role);
			person(['person'], data.person);
			return;
		}
		case 'acceptances': {
			const data = (entry as RecordEntry<'acceptances'>).data;
			if (refs.criteria && !refs.criteria.includes(data.criterion)) {
				at(['criterion'], `unknown criterion "${data.criterion}"; criteria in the policy: ${refs.criteria.join(', ')}`);
			}
			// A role the policy does not allow is valid here: the approval page shows the acceptance and why it does not count.
			role(['role'], data.role);
			person(['person'], data.person);
			return;
		}
		case 'ci':
			return;
	}
}

/**
 * The policy used to live in facts.yaml. A site still carrying it there would believe it applies while readiness
 * ignores it, so the old keys are an error that says where they went.
 */
function movedToPolicy({ facts, file, lineOf }: LoadedFacts, policyFile: string): ContentProblem[] {
	const moved: Array<{ path: string[]; to: string }> = [];
	if ((facts as Record<string, unknown>).approvals !== undefined) moved.push({ path: ['approvals'], to: 'approvals:' });
	const deploy = (facts as { deploy?: unknown }).deploy;
	if (deploy && typeof deploy === 'object' && 'rehearsalMaxAgeDays' in deploy) {
		moved.push({ path: ['deploy', 'rehearsalMaxAgeDays'], to: 'approvals.rehearsalMaxAgeDays' });
	}
	const target = path.basename(policyFile);
	return moved.map((m) => ({
		file,
		line: lineOf(m.path),
		field: m.path.join('.'),
		message: `moved to ${target} as ${m.to} (the readiness policy); remove it here`,
	}));
}
