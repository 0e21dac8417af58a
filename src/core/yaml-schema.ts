/**
 * The one loop every YAML file and front-matter block goes through: parse with line numbers, validate with a Zod
 * schema, and turn every syntax error and schema issue into a `file:line field: message` problem. Front matter,
 * facts.yaml, cards, records and the policy all use it, so their messages read the same way.
 */
import type { z } from 'astro/zod';
import type { ContentProblem } from './errors.ts';
import { didYouMean, friendlyIssues, keysAt } from './friendly-errors.ts';
import { parseYamlWithLines, type LocatedYaml } from './yaml.ts';

export interface YamlSchemaOptions {
	file: string;
	/** Lines before the YAML in its file (front matter starts after the opening ---). */
	lineOffset?: number;
	/** How a problem names the field at `path`; default: the dotted path, or "(root)". */
	label?: (path: string) => string;
	/** Label of a YAML syntax error; default "YAML syntax". */
	syntaxLabel?: string;
}

export interface YamlSchemaResult<T> {
	/** Undefined when the YAML does not parse or does not match the schema. */
	data: T | undefined;
	problems: ContentProblem[];
	lineOf: LocatedYaml['lineOf'];
}

export function parseYamlWithSchema<S extends z.ZodType>(
	source: string,
	schema: S,
	{ file, lineOffset = 0, label = (p) => p || '(root)', syntaxLabel = 'YAML syntax' }: YamlSchemaOptions,
): YamlSchemaResult<z.output<S>> {
	const yaml = parseYamlWithLines(source, lineOffset);
	if (yaml.syntaxErrors.length) {
		const problems = yaml.syntaxErrors.map((e) => ({
			file,
			line: e.line,
			column: e.column,
			message: `${syntaxLabel}: ${e.message}`,
		}));
		return { data: undefined, problems, lineOf: yaml.lineOf };
	}
	return validateLocated(yaml, schema, { file, label });
}

/** Validates YAML parsed already (when the caller needs the raw data first, e.g. to read a collection name). */
export function validateLocated<S extends z.ZodType>(
	yaml: LocatedYaml,
	schema: S,
	{ file, label = (p) => p || '(root)' }: Pick<YamlSchemaOptions, 'file' | 'label'>,
): YamlSchemaResult<z.output<S>> {
	const parsed = schema.safeParse(yaml.data ?? {});
	if (parsed.success) return { data: parsed.data, problems: [], lineOf: yaml.lineOf };
	// An unknown key is reported at the key itself, not on its parent.
	const unknownKey = (key: string, at: PropertyKey[]) => {
		const guess = didYouMean(key, keysAt(schema, at));
		return `Unrecognized key: "${key}"${guess ? `; did you mean "${guess}"?` : ''}`;
	};
	const problems = friendlyIssues(parsed.error, unknownKey).map((issue) => ({
		file,
		line: yaml.lineOf(issue.path),
		field: label(issue.path.map(String).join('.')),
		message: issue.message,
	}));
	return { data: undefined, problems, lineOf: yaml.lineOf };
}
