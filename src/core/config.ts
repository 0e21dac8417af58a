/**
 * Opsbook's configuration: what a site writes in `opsbook({...})` in its astro.config.ts, validated with Zod when
 * Astro starts, and resolved into plain data (absolute paths, environment overrides applied) that every feature
 * receives. Nothing else decides where content lives or which features run.
 *
 * A bad value never surfaces as a Zod dump: each option carries an example, and the error names the option, what was
 * given and what to write instead (the pattern of Starlight's user-config errors).
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { contentStampFor, type ContentStamp } from './content-stamp.ts';
import { envOverrides, type EnvOverrides } from './env.ts';
import { didYouMean, keysAt, parseWithFriendlyErrors } from './friendly-errors.ts';
import { documentSchema } from './document-schema.ts';
import { resolveKinds, type KindTable } from './kinds.ts';

/** Keys the document data uses beside the front-matter schema's (src/core/document-schema.ts docDataSchema). */
const RESERVED_KEYS = { excerpt: 1, aliases: 1, source: 1, extra: 1, draft: 1 };

const FEATURE_NAMES = ['diagrams', 'search', 'offline', 'cards', 'checklists', 'records'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const feature = (what: string) => z.boolean().default(true).describe(`${what}: true (default) or false`);

/**
 * Values a document gets when its front matter does not say: site-wide (`defaults`), per folder (`folders`) or from a
 * `_defaults.yaml` in the folder. Teams adopting Opsbook name the owner of a whole folder once instead of editing 110
 * files. Everything optional: a folder may set only its owner.
 */
export const documentDefaultsSchema = z
	.strictObject({
		owner: z
			.union([z.string().min(1), z.strictObject({ team: z.string().min(1), role: z.string().min(1).optional() })])
			.optional()
			.describe(
				"the owning team, or team and role: owner: 'Platform SRE' or owner: { team: 'SRE', role: 'on-call-engineer' }",
			),
		service: z.string().min(1).optional().describe("the service the documents are about: service: 'payments-api'"),
		kind: z.string().min(1).optional().describe("the kind of document: kind: 'alert'"),
		reviewEvery: z.number().int().positive().max(730).optional().describe('review cadence in days: reviewEvery: 180'),
		tags: z.array(z.string().min(1)).optional().describe("tags every document gets: tags: ['kubernetes']"),
		status: z.enum(['draft', 'active', 'deprecated']).optional().describe("status: 'active'"),
	})
	.describe("defaults for documents: { owner: 'SRE', service: 'api', kind: 'runbook', reviewEvery: 180, tags: [] }");

export type DocumentDefaults = z.output<typeof documentDefaultsSchema>;

const sectionRuleSchema = z.union([
	z.string().min(1),
	z.strictObject({ name: z.string().min(1), accepts: z.array(z.string().min(1)).default([]) }),
]);

export const kindConfigSchema = z
	.strictObject({
		label: z.string().min(1).optional().describe("how the site names the kind: label: 'Alert runbooks'"),
		summary: z.string().min(1).optional().describe('one line under the label on section pages'),
		folder: z
			.string()
			.min(1)
			.optional()
			.describe("the top-level folder whose documents are of this kind: folder: 'alerts'"),
		sections: z
			.array(sectionRuleSchema)
			.optional()
			.describe("required h2 sections, each a name or { name, accepts }: sections: ['Meaning', 'Impact']"),
	})
	.describe("a kind of document: { label: 'Alert runbooks', folder: 'alerts', sections: ['Meaning', 'Mitigation'] }");

export const opsbookConfigSchema = z
	.object({
		content: z
			.string()
			.min(1)
			.default('content')
			.describe("the content folder, relative to the project: content: 'runbooks'"),
		title: z.string().min(1).optional().describe("the site's name, shown in the header: title: 'Payments Ops'"),
		base: z
			.string()
			.regex(/^\/([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/, 'a path that starts with "/"')
			.default('/')
			.describe("the sub-path the site is hosted under: base: '/ops/'"),
		profile: z
			.enum(['default', 'strict'])
			.default('default')
			.describe("how strict the content checks are: profile: 'strict' makes every rule finding an error"),
		public: z.boolean().default(false).describe('true builds the public edition, without names or phone numbers'),
		strictReview: z.boolean().default(false).describe('true fails the build on documents past their review date'),
		today: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
			.optional()
			.describe("a fixed date for review and readiness, for reproducible builds: today: '2026-11-26'"),
		defaults: documentDefaultsSchema.default({}),
		folders: z
			.record(z.string().min(1), documentDefaultsSchema)
			.default({})
			.describe("defaults per folder of the content folder: folders: { 'runbooks/kubernetes': { owner: 'Platform' } }"),
		kinds: z
			.record(
				z.string().regex(/^[a-z][a-z0-9-]*$/, 'kind names use lowercase letters, digits and dashes'),
				kindConfigSchema,
			)
			.default({})
			.describe(
				"kinds of document beside the built-in ones, or changes to them: kinds: { postmortem: { sections: ['Impact'] } }",
			),
		alertRules: z
			.array(z.string().min(1))
			.default([])
			.describe(
				"Prometheus rule files (or PrometheusRule objects), globs relative to the project: alertRules: ['rules/**/*.yaml']",
			),
		exclude: z
			.array(z.string().min(1))
			.default([])
			.describe("files in the content folder the site leaves out, globs: exclude: ['drafts/**', 'CHANGELOG.md']"),
		frontmatter: z
			.custom<z.ZodObject>(isZodObject, {
				error:
					"expected a Zod object of extra fields: frontmatter: z.object({ pagerdutyService: z.string() }), with z from 'astro/zod'",
			})
			.superRefine((extra, ctx) => {
				for (const key of Object.keys(extra.shape).filter((k) => k in documentSchema.shape || k in RESERVED_KEYS))
					ctx.addIssue({
						code: 'custom',
						message: `"${key}" is one of Opsbook's own fields; give yours another name (e.g. "team${key[0]!.toUpperCase()}${key.slice(1)}")`,
					});
			})
			.optional()
			.describe(
				"front-matter fields of the site's own, validated like the built-in ones and shown under Details: frontmatter: z.object({ pagerdutyService: z.string() })",
			),
		policy: z
			.string()
			.min(1)
			.default('policy.yaml')
			.describe("the readiness policy file, relative to the content folder: policy: 'policy.yaml'"),
		precacheBudgetMB: z
			.number()
			.positive()
			.default(30)
			.describe(
				'how much the service worker saves on first visit, in MB; the rest is saved when first opened: precacheBudgetMB: 30',
			),
		features: z
			.object({
				diagrams: feature('Mermaid diagrams rendered at build time'),
				search: feature('the search index and search box'),
				offline: feature('the service worker and offline download'),
				cards: feature('quick-reference cards and their PDFs'),
				checklists: feature('interactive checklists and incident sessions'),
				records: feature('readiness records and the approval page'),
			})
			.strict()
			.default({ diagrams: true, search: true, offline: true, cards: true, checklists: true, records: true })
			.describe('features to switch off: features: { cards: false }'),
	})
	.strict();

export type OpsbookUserConfig = z.input<typeof opsbookConfigSchema>;
export type OpsbookConfig = z.output<typeof opsbookConfigSchema>;
export type Features = OpsbookConfig['features'];

/** The configuration as every feature receives it: plain data, absolute paths, overrides applied. */
export interface ResolvedConfig {
	/** The project root (Astro's `root`). */
	root: string;
	contentDir: string;
	/** Where the finished site ends up (Astro's `outDir`); builds write a staging folder beside it first. */
	outDir: string;
	/** Build caches (diagrams, search records), kept between builds. */
	cacheDir: string;
	title: string | undefined;
	base: string;
	profile: 'default' | 'strict';
	public: boolean;
	strictReview: boolean;
	today: string | undefined;
	policyFile: string;
	/** Defaults for documents, site-wide and per folder (content-relative, '/'-separated, no trailing slash). */
	defaults: DocumentDefaults;
	folders: Record<string, DocumentDefaults>;
	/** Built-in kinds merged with the configured ones (src/core/kinds.ts). */
	kinds: KindTable;
	/** Absolute glob patterns of alert rule files. */
	alertRules: string[];
	exclude: string[];
	/**
	 * The site's own front-matter fields (config `frontmatter`), as `docsSchema({ extend })` adds them. A Zod object is
	 * not data: the virtual config module leaves it out, and pages get the field names (`extraFields`) instead.
	 */
	frontmatter: z.ZodObject | undefined;
	/** Names of the site's own front-matter fields, in the order they were declared. */
	extraFields: string[];
	/** Kind folders with a section page even without documents: the ones facts.yaml's site.home links to. */
	emptySections: string[];
	features: Features;
	/** The service worker's precache stops here (src/offline/precache-priority.ts decides what comes first). */
	precacheBudgetBytes: number;
	/** Card PDFs need a browser and take seconds; OPSBOOK_CARD_PDFS=off skips them for quick local builds. */
	cardPdfs: boolean;
	/**
	 * What renders a document (Opsbook's version, Mermaid's and the diagram renderer's), part of every document's cache
	 * digest: a new renderer re-renders everything. Set by the integration; empty until then.
	 */
	renderVersion: string;
	/** Which version of the content this build shows (commit + build time), the same on every page of one build. */
	stamp: ContentStamp;
}

/** Validates what the site wrote; throws one error that lists every bad option with what to write instead. */
export function parseOpsbookConfig(input: unknown): OpsbookConfig {
	return parseWithFriendlyErrors(opsbookConfigSchema, input ?? {}, {
		what: 'Invalid opsbook() configuration in astro.config',
		describe: describeOption,
		unknownKey: (key, at) => {
			const known = keysAt(opsbookConfigSchema, at);
			const guess = didYouMean(key, known);
			return `unknown option "${key}"${guess ? `: did you mean "${guess}"?` : ''} Options here: ${known.join(', ')}.`;
		},
	});
}

function describeOption(at: ReadonlyArray<PropertyKey>): string | undefined {
	let schema: unknown = opsbookConfigSchema;
	for (const key of at) {
		const shape = unwrap(schema)?.shape as Record<string, unknown> | undefined;
		schema = shape?.[String(key)];
		if (!schema) return undefined;
	}
	return (schema as { description?: string }).description;
}

function unwrap(schema: unknown): { shape?: unknown } | undefined {
	let s = schema as { shape?: unknown; unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
	for (let i = 0; s && !s.shape && i < 5; i++) s = (s.def?.innerType ?? s.unwrap?.()) as typeof s;
	return s;
}

export interface ResolveContext {
	root: string;
	outDir: string;
	env?: EnvOverrides;
}

export function resolveConfig(
	config: OpsbookConfig,
	{ root, outDir, env = envOverrides() }: ResolveContext,
): ResolvedConfig {
	const contentDir = path.resolve(root, env.content ?? config.content);
	const base = normaliseBase(env.base ?? config.base);
	return {
		root,
		contentDir,
		outDir: path.resolve(root, env.outDir ?? outDir),
		cacheDir: path.join(root, '.opsbook', 'cache'),
		title: config.title,
		base,
		profile: env.profile ?? config.profile,
		public: env.public ?? config.public,
		strictReview: env.strictReview ?? config.strictReview,
		today: env.today ?? config.today,
		policyFile: path.resolve(contentDir, config.policy),
		defaults: config.defaults,
		folders: Object.fromEntries(Object.entries(config.folders).map(([k, v]) => [k.replace(/^\.?\/+|\/+$/g, ''), v])),
		kinds: resolveKinds(config.kinds),
		alertRules: config.alertRules.map((g) => path.resolve(root, g).split(path.sep).join('/')),
		exclude: config.exclude,
		frontmatter: config.frontmatter,
		extraFields: Object.keys(config.frontmatter?.shape ?? {}),
		emptySections: [],
		features: config.features,
		precacheBudgetBytes: Math.round(config.precacheBudgetMB * 1024 * 1024),
		cardPdfs: config.features.cards && env.cardPdfs !== false,
		stamp: contentStampFor(root),
		renderVersion: '',
	};
}

/** Duck-typed, not instanceof: the site's `astro/zod` may be another copy of Zod than the one Opsbook imports. */
function isZodObject(value: unknown): value is z.ZodObject {
	const v = value as { shape?: unknown; safeParse?: unknown } | null;
	return typeof v === 'object' && v !== null && typeof v.safeParse === 'function' && typeof v.shape === 'object';
}

export function normaliseBase(raw: string): string {
	const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}
