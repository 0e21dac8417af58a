/**
 * Schema of `content/facts.yaml`: the one file a team edits to adopt the kit.
 *
 * Known sections are typed because pages and checks read them (site, environments, people, roles, alerts,
 * severities). Every other top-level section (limits, thresholds, dashboards, logQueries, ...) is a free tree of
 * scalars that documents reference as `{facts.section.key}`.
 */
import { z } from 'astro/zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
type FactTree = { [key: string]: z.infer<typeof scalar> | FactTree | Array<z.infer<typeof scalar> | FactTree> };
const factTree: z.ZodType<FactTree> = z.lazy(() =>
	z.record(z.string(), z.union([scalar, factTree, z.array(z.union([scalar, factTree]))])),
);

const slugKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

export const siteSchema = z.strictObject({
	title: z.string().min(1),
	/** Public address of the live site; QR codes and absolute links point here. */
	url: z.url(),
	/** The environment whose values commands show until the reader picks another one. */
	defaultEnvironment: z.string(),
	/** Home page entry points: document ids (`runbooks/rollback`) or kind index ids (`playbooks`). */
	home: z.strictObject({
		incident: z.array(z.string()).min(1),
		deploy: z.array(z.string()).min(1),
		rollback: z.array(z.string()).min(1),
		escalate: z.array(z.string()).min(1),
	}),
});

export const personSchema = z.strictObject({
	name: z.string().min(1),
	phone: z.string().optional(),
	email: z.email().optional(),
	chat: z.string().optional(),
	timezone: z.string().optional(),
});

export const roleSchema = z.strictObject({
	title: z.string().min(1),
	team: z.string().min(1),
	description: z.string().optional(),
	/** Keys into `people`. */
	primary: slugKey,
	backup: slugKey.optional(),
	/** How to reach the role itself (pager schedule, alias), independent of who holds it this week. */
	pager: z.string().optional(),
	channel: z.string().optional(),
});

export const severityLevelSchema = z.strictObject({
	id: z.string().min(1),
	name: z.string().min(1),
	/** Customer impact that puts an incident at this level, with numbers. */
	impact: z.string().min(1),
	/**
	 * The impact's numbers, for documents and flowcharts to reference (`{facts.severities.SEV1.affectedPercent}`).
	 * The facts check requires `impact` to state the same numbers, so the prose and the numbers cannot drift apart.
	 */
	affectedPercent: z.number().positive().max(100).optional(),
	windowMinutes: z.number().int().positive().optional(),
	examples: z.array(z.string()).min(1),
	/** Colour band on cards and badges. */
	color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
	ackMinutes: z.number().int().positive(),
	escalateAfterMinutes: z.number().int().positive(),
	updateEveryMinutes: z.number().int().positive(),
	/** Role keys notified at this level. */
	notify: z.array(slugKey).min(1),
	/** Role key that decides (declare, disrupt, close). */
	decides: slugKey,
	reviewWithinDays: z.number().int().positive(),
});

export const alertSchema = z.strictObject({
	severity: z.string().min(1),
	summary: z.string().min(1),
	/** PromQL or LogQL expression as deployed. */
	expr: z.string().min(1),
	for: z.string().min(1),
	dashboard: z.string().optional(),
});

/**
 * `logSchema:` what Loki holds for the service. `labels` are the stream labels actually attached; `fields` the JSON
 * fields of the structured log line of the API, worker and scanner (one list, the truth); `auditFields` the fields
 * `| json` extracts from the Kubernetes audit stream. Checks of LogQL in documents read these.
 */
export const logSchemaSchema = z.strictObject({
	labels: z.array(z.string().min(1)).min(1),
	fields: z.array(z.string().min(1)).min(1),
	auditFields: z.array(z.string().min(1)).optional(),
});

const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary'] as const;
/** One series name a query uses: its type and its own labels (target labels are in `metricTargetLabels`). */
export const metricSchema = z.strictObject({ type: z.enum(METRIC_TYPES), labels: z.array(z.string().min(1)) });

/** `podLabels:` the label model of the API pods: selectors for kubectl and pod-name patterns for queries. */
export const podLabelsSchema = z.strictObject({
	app: z.string().min(1),
	quarantineApp: z.string().min(1),
	stableTrack: z.string().min(1),
	canaryTrack: z.string().min(1),
	all: z.string().min(1),
	stable: z.string().min(1),
	canary: z.string().min(1),
	quarantined: z.string().min(1),
	scanner: z.string().min(1),
	worker: z.string().min(1),
	canaryPodRegex: z.string().min(1),
	apiPodRegex: z.string().min(1),
});

/** `decisions:` who decides an action (role key), and the rule documents quote. */
export const decisionSchema = z.strictObject({
	decides: slugKey,
	informs: slugKey.optional(),
	rule: z.string().min(1),
});

/** `gates:` a deployment checklist approval gate: who runs its items, who approves it (never one of the runners). */
export const gateSchema = z.strictObject({
	name: z.string().min(1),
	covers: z.string().min(1),
	runs: z.array(slugKey).min(1),
	approves: slugKey,
});

export const factsSchema = z.looseObject({
	site: siteSchema,
	service: factTree,
	environments: z
		.record(slugKey, factTree)
		.refine((envs) => Object.keys(envs).length > 0, 'define at least one environment'),
	people: z.record(slugKey, personSchema),
	roles: z.record(slugKey, roleSchema),
	severities: z.array(severityLevelSchema).min(1),
	alerts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'alert names are identifiers'), alertSchema),
	logSchema: logSchemaSchema.optional(),
	/** Every metric a query in the handbook uses. */
	metrics: z
		.record(z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'metric names are Prometheus identifiers'), metricSchema)
		.optional(),
	/** Labels every scraped series carries (job, instance, ...). */
	metricTargetLabels: z.array(z.string().min(1)).optional(),
	podLabels: podLabelsSchema.optional(),
	decisions: z.record(z.string(), decisionSchema).optional(),
	gates: z.record(z.string().regex(/^G\d+$/, 'gate ids look like G1'), gateSchema).optional(),
});

export type Facts = z.infer<typeof factsSchema> & Record<string, unknown>;
export type Role = z.infer<typeof roleSchema>;
export type Person = z.infer<typeof personSchema>;
export type SeverityLevel = z.infer<typeof severityLevelSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type LogSchema = z.infer<typeof logSchemaSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type PodLabels = z.infer<typeof podLabelsSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Gate = z.infer<typeof gateSchema>;
