/**
 * Loading `facts.yaml` and resolving the references documents make to it.
 *
 * Documents write `{facts.limits.maxUploadSizeMB}` for a value that is the same everywhere and `{env.apiHost}` for a
 * value that differs per environment (the reader's environment picker switches those). Both forms work in prose,
 * inline code, code blocks and link targets. Resolution is pure: the same facts and key give the same answer.
 */
import { readText } from '../core/text-input.ts';
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, type ContentProblem } from '../core/errors.ts';
import { didYouMean } from '../core/friendly-errors.ts';
import { parseYamlWithSchema } from '../core/yaml-schema.ts';
import { factsSchema, type Facts } from './schema.ts';

export type FactValue = string | number | boolean;

export interface LoadedFacts {
	facts: Facts;
	file: string;
	/** No facts.yaml: a site that only brings its runbooks needs none (the strict profile still asks for one). */
	missing?: boolean;
	/** Line of a key path in facts.yaml, for messages about a fact (an alert without a runbook, say). */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
}

export const FACT_REFERENCE = /\{\s*((?:facts|env)\.[A-Za-z0-9_.-]+)\s*\}/g;

export function factsFile(dir: string): string {
	return path.join(dir, 'facts.yaml');
}

export function loadFacts(dir: string): LoadedFacts {
	const file = factsFile(dir);
	if (!fs.existsSync(file)) return { facts: emptyFacts(), file, lineOf: () => 1, missing: true };
	const parsed = parseYamlWithSchema(readText(file), factsSchema, { file });
	if (!parsed.data) throw new ContentError(parsed.problems);
	const facts = parsed.data as Facts;
	const problems = crossCheckFacts(facts).map((p) => ({
		file,
		line: parsed.lineOf(p.path),
		field: p.path.join('.'),
		message: p.message,
	}));
	if (problems.length) throw new ContentError(problems);
	return { facts, file, lineOf: parsed.lineOf };
}

export const MISSING_FACTS_MESSAGE =
	'facts file not found: the strict profile needs one (copy content/facts.yaml from the kit)';

/**
 * The facts of a site without facts.yaml: no people, roles, severities or alerts, one environment. Pages that show
 * facts show nothing; the site's title comes from the `title` option.
 */
export function emptyFacts(): Facts {
	return {
		site: {
			title: 'Runbooks',
			url: 'http://localhost/',
			defaultEnvironment: 'production',
			home: { incident: [], deploy: [], rollback: [], escalate: [] },
		},
		service: {},
		environments: { production: {} },
		people: {},
		roles: {},
		severities: [],
		alerts: {},
	} as unknown as Facts;
}

/** References inside the facts file itself: roles name people, severities name roles, environments agree. */
function crossCheckFacts(facts: Facts): Array<{ path: string[]; message: string }> {
	const out: Array<{ path: string[]; message: string }> = [];
	for (const [key, role] of Object.entries(facts.roles)) {
		for (const slot of ['primary', 'backup'] as const) {
			const who = role[slot];
			if (who && !facts.people[who])
				out.push({ path: ['roles', key, slot], message: `unknown person "${who}" (define it under people)` });
		}
	}
	facts.severities.forEach((level, i) => {
		if (level.affectedPercent !== undefined && !level.impact.includes(`${level.affectedPercent}%`)) {
			out.push({
				path: ['severities', String(i), 'impact'],
				message: `${level.id}: impact must state affectedPercent (${level.affectedPercent}%) so the prose and the number agree`,
			});
		}
		if (level.windowMinutes !== undefined && !level.impact.includes(`${level.windowMinutes} minutes`)) {
			out.push({
				path: ['severities', String(i), 'impact'],
				message: `${level.id}: impact must state windowMinutes (${level.windowMinutes} minutes) so the prose and the number agree`,
			});
		}
		for (const role of [...level.notify, level.decides]) {
			if (!facts.roles[role])
				out.push({ path: ['severities', String(i)], message: `unknown role "${role}" in severity ${level.id}` });
		}
	});
	const envs = Object.entries(facts.environments);
	if (!facts.environments[facts.site.defaultEnvironment]) {
		out.push({
			path: ['site', 'defaultEnvironment'],
			message: `no environment "${facts.site.defaultEnvironment}" under environments`,
		});
	}
	const reference = envs[0];
	if (reference) {
		const want = leafKeys(reference[1]).sort().join(',');
		for (const [name, env] of envs.slice(1)) {
			if (leafKeys(env).sort().join(',') !== want) {
				out.push({
					path: ['environments', name],
					message: `environments must define the same keys (compare with "${reference[0]}") so the environment picker can switch every value`,
				});
			}
		}
	}
	return out;
}

function leafKeys(tree: unknown, prefix = ''): string[] {
	if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [prefix];
	return Object.entries(tree).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

export interface ResolvedFact {
	key: string;
	value: FactValue;
	/** For `env.*` references: the key inside an environment and the value in each environment. */
	env?: { key: string; values: Record<string, FactValue> };
}

export class UnknownFactError extends Error {}

export function resolveFact(facts: Facts, key: string): ResolvedFact {
	const [root, ...rest] = key.split('.');
	if (root === 'env') {
		const envKey = rest.join('.');
		const values: Record<string, FactValue> = {};
		for (const [name, env] of Object.entries(facts.environments)) {
			const value = getPath(env, rest);
			if (!isScalar(value)) throw unknown(facts, key);
			values[name] = value;
		}
		return { key, value: values[facts.site.defaultEnvironment]!, env: { key: envKey, values } };
	}
	if (root !== 'facts') throw unknown(facts, key);
	const value = getPath(facts, rest);
	if (value === undefined) throw unknown(facts, key);
	if (!isScalar(value)) {
		throw new UnknownFactError(
			`fact "${key}" is a group, not a value; use one of: ${leafKeys(value)
				.slice(0, 6)
				.map((k) => `${key}.${k}`)
				.join(', ')}`,
		);
	}
	return { key, value };
}

/** Replace every `{facts.x}` / `{env.x}` in a string. `onFact` can wrap values (the Markdown export just inlines). */
export function replaceFactReferences(
	text: string,
	facts: Facts,
	onFact: (fact: ResolvedFact) => string = (f) => String(f.value),
): string {
	return text.replace(FACT_REFERENCE, (_, key: string) => onFact(resolveFact(facts, key)));
}

/**
 * Walks a key path. In a list of objects with ids (severities), a segment may name an id: `severities.SEV1.name`
 * reads better than an index and is a valid MDX expression (`severities.0.name` is not).
 */
function getPath(tree: unknown, keys: string[]): unknown {
	let node: unknown = tree;
	for (const k of keys) {
		if (node === null || typeof node !== 'object') return undefined;
		node =
			Array.isArray(node) && !/^\d+$/.test(k)
				? node.find((item) => (item as { id?: unknown })?.id === k)
				: (node as Record<string, unknown>)[k];
	}
	return node;
}

function isScalar(v: unknown): v is FactValue {
	return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function unknown(facts: Facts, key: string): UnknownFactError {
	const defaultEnv = facts.environments[facts.site.defaultEnvironment];
	const candidates = [...leafKeys(facts).map((k) => `facts.${k}`), ...leafKeys(defaultEnv).map((k) => `env.${k}`)];
	const best = didYouMean(key, candidates, Math.max(3, Math.floor(key.length / 3)));
	return new UnknownFactError(`unknown fact "${key}"${best ? `; did you mean "${best}"?` : ''}`);
}

export type { ContentProblem };
