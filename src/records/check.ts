/**
 * Readiness records (content/records/), checked before the build: each file against its schema (shared with the
 * content collections), then its references against facts.yaml and the documents: roles, people, environments,
 * documents, and the phase ids of the checklist a rehearsal timed. Also `approvals:` in facts.yaml, the policy the
 * readiness computation applies. Every problem names file, line and field.
 */
import type { ContentProblem } from '../core/errors.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { parseYamlWithLines } from '../core/yaml.ts';
import { listRecordFiles, RECORD_ID } from './record-files.ts';
import { approvalsSchema, emptyRecordSet, RECORD_COLLECTIONS, type RecordCollection, type RecordEntry, type RecordSet } from './schema.ts';
import type { CheckedDocument } from '../core/content-files.ts';

type At = (path: ReadonlyArray<PropertyKey>, message: string) => void;

export function checkRecords(dir: string, loaded: LoadedFacts, documents: CheckedDocument[]): { records: RecordSet; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [...checkApprovals(loaded)];
	const records = emptyRecordSet();
	const refs = references(loaded, documents);

	for (const { collection, file, id, text } of listRecordFiles(dir)) {
		if (!file.endsWith('.yaml')) {
			problems.push({ file, line: 1, field: 'file name', message: 'record files end in .yaml (a .yml file is not read)' });
			continue;
		}
		if (!RECORD_ID.test(id)) {
			problems.push({ file, line: 1, field: 'file name', message: `"${id}.yaml": use lowercase letters, digits, dots and dashes (the name is the record's id)` });
			continue;
		}
		const yaml = parseYamlWithLines(text);
		if (yaml.syntaxErrors.length) {
			problems.push(...yaml.syntaxErrors.map((e) => ({ file, line: e.line, column: e.column, field: 'YAML', message: `syntax: ${e.message}` })));
			continue;
		}
		const at: At = (path, message) => problems.push({ file, line: yaml.lineOf(path), field: `field "${path.join('.') || '(root)'}"`, message });
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
	return { records, problems };
}

interface References {
	roles: Set<string>;
	people: Set<string>;
	environments: Set<string>;
	documents: Map<string, CheckedDocument>;
}

function references({ facts }: LoadedFacts, documents: CheckedDocument[]): References {
	return {
		roles: new Set(Object.keys(facts.roles)),
		people: new Set(Object.keys(facts.people)),
		environments: new Set(Object.keys(facts.environments)),
		documents: new Map(documents.map((d) => [d.source.id, d])),
	};
}

function crossCheck(entry: RecordEntry, refs: References, at: At): void {
	const role = (path: PropertyKey[], key: string) => {
		if (!refs.roles.has(key)) at(path, `unknown role "${key}"; roles in facts.yaml: ${[...refs.roles].join(', ')}`);
	};
	const person = (path: PropertyKey[], key: string | undefined) => {
		if (key && !refs.people.has(key)) at(path, `unknown person "${key}"; use a key of people in facts.yaml, or name: for someone not listed there`);
	};
	const environment = (path: PropertyKey[], key: string) => {
		if (!refs.environments.has(key)) at(path, `unknown environment "${key}"; environments in facts.yaml: ${[...refs.environments].join(', ')}`);
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
			data.materials.forEach((id, i) => document(['materials', i], id));
			data.exercises.forEach((id, i) => document(['exercises', i], id));
			return;
		}
		case 'rehearsals': {
			const data = (entry as RecordEntry<'rehearsals'>).data;
			environment(['environment'], data.environment);
			const checklist = refs.documents.get(data.checklist);
			if (!checklist) return document(['checklist'], data.checklist);
			const ids = checklist.data.phases.map((p) => p.id);
			if (!ids.length) return at(['checklist'], `${data.checklist} declares no phases: time a document with phases: in its frontmatter`);
			const seen = new Set<string>();
			data.phases.forEach((p, i) => {
				if (!ids.includes(p.id)) at(['phases', i, 'id'], `unknown phase "${p.id}" of ${data.checklist}; its phases: ${ids.join(', ')}`);
				else if (seen.has(p.id)) at(['phases', i, 'id'], `phase "${p.id}" is listed twice`);
				seen.add(p.id);
			});
			return;
		}
		case 'verifications':
			return environment(['environment'], (entry as RecordEntry<'verifications'>).data.environment);
		case 'signoffs': {
			const data = (entry as RecordEntry<'signoffs'>).data;
			role(['role'], data.role);
			person(['person'], data.person);
			return;
		}
		case 'ci':
			return;
	}
}

/** `approvals:` is optional (a site without it is simply not ready); when present it must be valid. */
function checkApprovals({ facts, file, lineOf }: LoadedFacts): ContentProblem[] {
	const raw = (facts as Record<string, unknown>).approvals;
	if (raw === undefined) return [];
	const problems: ContentProblem[] = [];
	const at = (path: PropertyKey[], message: string) => problems.push({ file, line: lineOf(['approvals', ...path]), field: ['approvals', ...path].join('.'), message });
	const parsed = approvalsSchema.safeParse(raw);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path, issue.message);
		return problems;
	}
	const roles = Object.keys(facts.roles);
	for (const list of ['requiredRoles', 'trainedRoles'] as const) {
		parsed.data[list].forEach((r, i) => {
			if (!roles.includes(r)) at([list, i], `unknown role "${r}"; roles in facts.yaml: ${roles.join(', ')}`);
		});
	}
	if (!facts.environments[parsed.data.rehearsalEnvironment]) at(['rehearsalEnvironment'], `no environment "${parsed.data.rehearsalEnvironment}" under environments`);
	return problems;
}
