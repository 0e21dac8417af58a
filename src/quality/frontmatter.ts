/**
 * Frontmatter of every document, checked before Astro starts: the schema (shared with the content collection)
 * plus references to facts.yaml (roles, alerts, severities) and to other documents (related). Every problem carries file, line and field.
 */
import type { ContentProblem } from '../core/errors.ts';
import type { CheckedDocument, SourceFile } from '../core/content-files.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import { parseYamlWithSchema } from '../core/yaml-schema.ts';
import { documentSchema } from '../core/document-schema.ts';
import { KINDS, kindOfFolder } from '../core/kinds.ts';

export type { CheckedDocument } from '../core/content-files.ts';

const FILE_NAME = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function checkFrontmatter(sources: SourceFile[], { facts }: LoadedFacts): { documents: CheckedDocument[]; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	const documents: CheckedDocument[] = [];

	for (const source of sources) {
		const { file } = source;
		if (!FILE_NAME.test(source.id)) {
			problems.push({ file, line: 1, field: 'file name', message: `"${source.id}.mdx": use lowercase letters, digits and dashes (the name becomes the URL)` });
		}
		if (!source.frontmatterLine) {
			problems.push({ file, line: 1, field: 'frontmatter', message: 'missing: start the file with a --- block (title, description, kind, owner, ...)' });
			continue;
		}
		const parsed = parseYamlWithSchema(source.frontmatter, documentSchema, {
			file,
			lineOffset: source.frontmatterLine - 1,
			label: (p) => `frontmatter field "${p || '(root)'}"`,
		});
		problems.push(...parsed.problems.map((p) => (p.field ? p : { ...p, field: 'frontmatter' })));
		if (parsed.data) documents.push({ source, data: parsed.data, lineOf: parsed.lineOf });
	}

	// Every file is a page id, even one whose frontmatter failed: its own error is enough, no cascade of "missing".
	const ids = new Set(sources.map((s) => s.id));
	const severityIds = new Set(facts.severities.map((s) => s.id));
	for (const doc of documents) {
		const { data, source } = doc;
		const at = (path: PropertyKey[], field: string, message: string) =>
			problems.push({ file: source.file, line: doc.lineOf(path), field: `frontmatter field "${field}"`, message });
		const folderKind = kindOfFolder(source.folder);
		if (folderKind !== data.kind) {
			at(['kind'], 'kind', `"${data.kind}" documents live in content/${KINDS[data.kind].folder}/, but this file is in ${source.folder}/`);
		}
		if (!facts.roles[data.owner.role]) at(['owner', 'role'], 'owner.role', `unknown role "${data.owner.role}"; roles in facts.yaml: ${Object.keys(facts.roles).join(', ')}`);
		data.alerts.forEach((alert, i) => {
			if (!facts.alerts[alert]) at(['alerts', i], `alerts.${i}`, `unknown alert "${alert}"; define it under alerts in facts.yaml`);
		});
		data.related.forEach((ref, i) => {
			if (!ids.has(ref)) at(['related', i], `related.${i}`, `no document "${ref}" (ids look like runbooks/rollback)`);
		});
		if (data.severity && !severityIds.has(data.severity)) {
			at(['severity'], 'severity', `unknown severity "${data.severity}"; levels: ${[...severityIds].join(', ')}`);
		}
	}

	return { documents, problems };
}
