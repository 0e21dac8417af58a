/**
 * The deployment-readiness policy (content/policy.yaml, config `policy`): the data a team edits to say what "ready"
 * means for it. The source task (its subtasks, which of them documents must deliver, the knowledge-transfer agenda),
 * the approval settings (roles, environment, how long evidence counts), who may accept a risk, and the criteria of
 * the approval checklist in order, each with its wording, the subtask it traces to and its parameters.
 *
 * What a criterion *kind* checks is TypeScript (src/records/readiness.ts); which kinds a site uses, in what order,
 * with what parameters and roles is this file. So another team's rules need no code: only YAML.
 *
 * Parsing is pure (text in, policy or problems out, each problem with its line); ./policy-file.ts reads the file.
 */
import { z } from 'astro/zod';
import type { ContentProblem } from '../core/errors.ts';
import { didYouMean } from '../core/friendly-errors.ts';
import { parseYamlWithLines } from '../core/yaml.ts';
import type { Facts } from '../facts/schema.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
const text = z.string().trim().min(1, 'must not be empty');
/** The form documents use in `covers:` (src/core/document-schema.ts); quote it in YAML so 2.10 stays "2.10". */
const subtaskId = z
	.string({ error: "a subtask id in quotes, like '2.1'" })
	.regex(/^\d+\.\d+$/, "a subtask id looks like '2.1'");
const days = z.number({ error: 'a number of days' }).int('a whole number of days').positive('at least 1 day');
const roles = z.array(slug).min(1, 'name at least one role (a key of roles in facts.yaml)');
/** A dotted key into facts.yaml, as documents write it after `facts.` (`scaling.loadTestDate`). */
const factKey = z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'a facts key like scaling.loadTestDate');

/**
 * The kinds of criterion Opsbook can compute, with the parameters each takes in policy.yaml. A criterion names its
 * kind as a key holding its parameters: `checklist: { covers: '1.1' }`, or `tests: {}` for a kind without any.
 */
export const CRITERION_KINDS = {
	/** Every deliverable subtask covered by enough active documents; no drafts; every review within its cadence. */
	documents: z.strictObject({}),
	/** The checklist document covering `covers` ran end to end (every phase timed) in a recent, successful rehearsal. */
	checklist: z.strictObject({ covers: subtaskId }),
	/** The latest CI record passed, or else the latest post-deployment verification passed every check. */
	tests: z.strictObject({}),
	/** Every runbook active and reviewed within its cadence. */
	runbooks: z.strictObject({}),
	/** Training sessions cover the agenda and every trained role attended. */
	training: z.strictObject({}),
	/** The latest rehearsal in the rehearsal environment is recent, succeeded, timed its phases, practised rollback. */
	rehearsal: z.strictObject({}),
	/** Every incident playbook exercised within its cadence. */
	'incident-response': z.strictObject({}),
	/** Alerts verified in a recent rehearsal or by a recent verification's alert checks. */
	monitoring: z.strictObject({}),
	/** The document covering `covers` is active, reviewed and really tested; the load test (a fact) is recent. */
	scaling: z.strictObject({ covers: subtaskId, loadTest: factKey.default('scaling.loadTestDate') }),
	/** The latest sign-off of every required role approves and is recent. */
	signoffs: z.strictObject({}),
} as const;

export type CriterionKind = keyof typeof CRITERION_KINDS;
export const CRITERION_KIND_NAMES = Object.keys(CRITERION_KINDS) as CriterionKind[];
type KindParams = { [K in CriterionKind]: z.output<(typeof CRITERION_KINDS)[K]> };

/** What each kind reads from `approvals:` (and the task), so a policy missing it fails before the build. */
const KIND_NEEDS: Record<CriterionKind, ReadonlyArray<keyof PolicyApprovals | 'agenda'>> = {
	documents: [],
	checklist: ['rehearsalEnvironment', 'rehearsalMaxAgeDays'],
	tests: ['evidenceMaxAgeDays'],
	runbooks: [],
	training: ['trainedRoles', 'agenda'],
	rehearsal: ['rehearsalEnvironment', 'rehearsalMaxAgeDays'],
	'incident-response': [],
	monitoring: ['rehearsalEnvironment', 'rehearsalMaxAgeDays', 'evidenceMaxAgeDays'],
	scaling: [],
	signoffs: ['requiredRoles', 'evidenceMaxAgeDays'],
};

export type CriterionSpec = {
	[K in CriterionKind]: {
		id: string;
		title: string;
		subtask: string;
		/** Roles that may accept this criterion's risk; overrides riskAcceptance.acceptedBy ([] = nobody may). */
		acceptedBy?: string[] | undefined;
		/** A sentence appended to what counts (the rule), in the team's own words. */
		note?: string | undefined;
		kind: K;
		params: KindParams[K];
	};
}[CriterionKind];

const BASE_FIELDS = ['id', 'title', 'subtask', 'acceptedBy', 'note'];

/** One criterion: the common fields plus exactly one kind key holding that kind's parameters. */
const criterionSchema = z
	.looseObject({
		id: slug,
		title: text,
		subtask: subtaskId,
		acceptedBy: z.array(slug).optional(),
		note: text.optional(),
	})
	.transform((raw, ctx): CriterionSpec => {
		const extra = Object.keys(raw).filter((k) => !BASE_FIELDS.includes(k));
		const kinds = extra.filter((k): k is CriterionKind => k in CRITERION_KINDS);
		for (const key of extra.filter((k) => !(k in CRITERION_KINDS))) {
			const guess = didYouMean(key, [...BASE_FIELDS, ...CRITERION_KIND_NAMES]);
			const message = guess
				? `unknown field "${key}": did you mean "${guess}"?`
				: `unknown field "${key}"; ${KIND_HINT}`;
			ctx.addIssue({ code: 'custom', path: [key], input: raw, message });
		}
		if (kinds.length !== 1) {
			const message = kinds.length ? `give one kind, not ${kinds.join(' and ')}` : `no kind given; ${KIND_HINT}`;
			ctx.addIssue({ code: 'custom', path: kinds.length ? [kinds[1]!] : [], input: raw, message });
			return z.NEVER;
		}
		const kind = kinds[0]!;
		const given = (raw as Record<string, unknown>)[kind];
		// `tests:` with nothing after it is YAML null: the kind without parameters.
		const params = CRITERION_KINDS[kind].safeParse(given ?? {});
		if (!params.success) {
			for (const issue of params.error.issues) {
				const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
				ctx.addIssue({ code: 'custom', path: [kind, ...at], input: given, message: issue.message });
			}
			return z.NEVER;
		}
		const { id, title, subtask, acceptedBy, note } = raw;
		return { id, title, subtask, acceptedBy, note, kind, params: params.data } as CriterionSpec;
	});

const KINDS_LIST = CRITERION_KIND_NAMES.join(', ');
const KIND_HINT = `a criterion is id, title, subtask, optional acceptedBy and note, and one kind: ${KINDS_LIST}`;

const approvalsSchema = z.strictObject({
	/** Roles whose approving sign-off a production deployment needs. */
	requiredRoles: roles.optional(),
	/** Roles that must each be represented in a knowledge-transfer session. */
	trainedRoles: roles.optional(),
	/** Environment (a key of environments in facts.yaml) the deployment rehearsal must run in. */
	rehearsalEnvironment: slug.optional(),
	/** A rehearsal older than this many days no longer counts. */
	rehearsalMaxAgeDays: days.optional(),
	/** Sign-offs, CI runs and verification records older than this many days no longer count. */
	evidenceMaxAgeDays: days.optional(),
});

export const policySchema = z.strictObject({
	task: z.strictObject({
		/** The source task's name, shown on the approval page. */
		title: text.optional(),
		subtasks: z
			.array(
				z.strictObject({
					id: subtaskId,
					title: text,
					/** A document must deliver this subtask: at least this many active documents name it in `covers:`. */
					minDocuments: z.number().int().positive().optional(),
				}),
			)
			.min(1, 'list the subtasks of the source task'),
		/** Subtasks the approval page itself delivers (the checklist, the sign-offs): named in its header. */
		approval: z.array(subtaskId).default([]),
		/** The knowledge-transfer agenda: training records list these ids under `agenda:`. */
		agenda: z
			.strictObject({
				subtask: subtaskId,
				items: z.array(z.strictObject({ id: slug, title: text })).min(1, 'list the agenda items'),
			})
			.optional(),
	}),
	approvals: approvalsSchema.default({}),
	riskAcceptance: z
		.strictObject({
			/** Roles that may accept the risk of a failed criterion, unless the criterion names its own acceptedBy. */
			acceptedBy: z.array(slug).default([]),
			/** An acceptance may run for at most this many days (from its date to its expires). */
			maxDays: days.optional(),
		})
		.default({ acceptedBy: [] }),
	criteria: z.array(criterionSchema).min(1, 'list the criteria of the approval checklist'),
});

export type Policy = z.output<typeof policySchema>;
export type PolicyApprovals = Policy['approvals'];
export type Subtask = Policy['task']['subtasks'][number];
export type AgendaItem = NonNullable<Policy['task']['agenda']>['items'][number];

export function subtaskTitle(policy: Policy | undefined, id: string): string | undefined {
	return policy?.task.subtasks.find((s) => s.id === id)?.title;
}

/** Who may accept a criterion's risk: its own acceptedBy, else the policy-wide list. */
export function acceptingRoles(policy: Policy, criterion: Pick<CriterionSpec, 'acceptedBy'>): string[] {
	return criterion.acceptedBy ?? policy.riskAcceptance.acceptedBy;
}

// ---------------------------------------------------------------------------------------------------------------

export interface PolicyResult {
	policy?: Policy;
	problems: ContentProblem[];
}

/**
 * The policy from its text: YAML syntax, then the schema, then its references (roles and environments in the facts,
 * subtask and criterion ids within the file). Every problem has the file, the line and the field.
 */
export function parsePolicy(source: string, file: string, facts: Facts): PolicyResult {
	const yaml = parseYamlWithLines(source);
	if (yaml.syntaxErrors.length) {
		return {
			problems: yaml.syntaxErrors.map((e) => ({
				file,
				line: e.line,
				column: e.column,
				field: 'YAML',
				message: `syntax: ${e.message}`,
			})),
		};
	}
	const problems: ContentProblem[] = [];
	const at = (path: ReadonlyArray<PropertyKey>, message: string) =>
		problems.push({ file, line: yaml.lineOf(path), field: `field "${path.join('.') || '(root)'}"`, message });
	const parsed = policySchema.safeParse(yaml.data ?? undefined);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			// An unknown key is reported on its parent; point at the key itself.
			at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path, issue.message);
		}
		return { problems };
	}
	for (const p of policyReferences(parsed.data, facts)) at(p.path, p.message);
	return problems.length ? { problems } : { policy: parsed.data, problems };
}

/** References the schema cannot see: they need the facts, or other parts of the file. */
export function policyReferences(policy: Policy, facts: Facts): Array<{ path: PropertyKey[]; message: string }> {
	const out: Array<{ path: PropertyKey[]; message: string }> = [];
	const factRoles = Object.keys(facts.roles);
	const subtasks = new Set(policy.task.subtasks.map((s) => s.id));
	const role = (path: PropertyKey[], key: string) => {
		if (!facts.roles[key])
			out.push({ path, message: `unknown role "${key}"; roles in facts.yaml: ${factRoles.join(', ')}` });
	};
	const subtask = (path: PropertyKey[], id: string) => {
		if (!subtasks.has(id)) out.push({ path, message: `no subtask "${id}" in task.subtasks` });
	};
	const duplicates = (list: Array<{ id: string }>, path: PropertyKey[], what: string) => {
		const seen = new Set<string>();
		list.forEach((item, i) => {
			if (seen.has(item.id)) out.push({ path: [...path, i, 'id'], message: `${what} "${item.id}" is listed twice` });
			seen.add(item.id);
		});
	};

	duplicates(policy.task.subtasks, ['task', 'subtasks'], 'subtask');
	policy.task.approval.forEach((id, i) => {
		subtask(['task', 'approval', i], id);
	});
	if (policy.task.agenda) {
		subtask(['task', 'agenda', 'subtask'], policy.task.agenda.subtask);
		duplicates(policy.task.agenda.items, ['task', 'agenda', 'items'], 'agenda item');
	}
	const { approvals } = policy;
	for (const list of ['requiredRoles', 'trainedRoles'] as const) {
		approvals[list]?.forEach((r, i) => {
			role(['approvals', list, i], r);
		});
	}
	if (approvals.rehearsalEnvironment && !facts.environments[approvals.rehearsalEnvironment]) {
		const envs = Object.keys(facts.environments).join(', ');
		out.push({
			path: ['approvals', 'rehearsalEnvironment'],
			message: `unknown environment "${approvals.rehearsalEnvironment}"; environments in facts.yaml: ${envs}`,
		});
	}
	policy.riskAcceptance.acceptedBy.forEach((r, i) => {
		role(['riskAcceptance', 'acceptedBy', i], r);
	});

	duplicates(policy.criteria, ['criteria'], 'criterion');
	policy.criteria.forEach((c, i) => {
		subtask(['criteria', i, 'subtask'], c.subtask);
		c.acceptedBy?.forEach((r, j) => {
			role(['criteria', i, 'acceptedBy', j], r);
		});
		if (c.kind === 'checklist' || c.kind === 'scaling') subtask(['criteria', i, c.kind, 'covers'], c.params.covers);
		for (const need of KIND_NEEDS[c.kind]) {
			const has = need === 'agenda' ? !!policy.task.agenda : approvals[need] !== undefined;
			const where = need === 'agenda' ? 'task.agenda' : `approvals.${need}`;
			if (!has) out.push({ path: ['criteria', i, c.kind], message: `a ${c.kind} criterion needs ${where}` });
		}
	});
	return out;
}
