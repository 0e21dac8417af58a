/**
 * Opsbook as an Astro integration: `integrations: [opsbook({ content: 'content' })]` is the whole setup.
 *
 * One integration owns the build, in a fixed order:
 *   astro:config:setup  validate the config, load the facts once, run the content checks, pre-render diagrams,
 *                       set Astro's Markdown pipeline and inject every feature's routes;
 *   astro:build:done    link check → search index → card PDFs → offline files (last: it precaches the others) →
 *                       swap the staged site into place.
 * So a plain `astro build` produces the whole site, atomically; `opsbook build` adds only the exit code and the lock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import mdx from '@astrojs/mdx';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import { parseOpsbookConfig, resolveConfig, type OpsbookUserConfig, type ResolvedConfig } from './core/config.ts';
import { packageRoot, packageVersion } from './core/package.ts';
import { rehypeSanitize } from './core/sanitize.ts';
import { remarkNormalizeNewlines } from './core/text-input.ts';
import { virtualConfig } from './core/virtual-config.ts';
import { loadFacts, siteFacts } from './facts/index.ts';
import { loadSiteDocuments, type SiteDocuments } from './core/site-documents.ts';
import { SITE_PATHS } from './core/sources.ts';
import type { ContentCheckResult } from './quality/content-check-integration.ts';
import {
	buildLinkIndex,
	byoRoutes,
	devAttachments,
	formatCoverage,
	remarkForeignSyntax,
	remarkLeadingTitle,
	remarkSourceLinks,
	virtualCoverage,
	type CoverageReport,
	type LinkIndex,
} from './byo/index.ts';
import { remarkFacts } from './facts/remark-facts.ts';
import { shellRoutes, shellRehypePlugins } from './shell/index.ts';
import { checkContentStep, linkCheckStep } from './quality/index.ts';
import { diagramRendererParts, diagramsSetup, remarkDiagramsFor } from './diagrams/index.ts';
import { searchIndexStep, searchRoutes } from './search/index.ts';
import { cardPdfStep, cardRoutes } from './cards/index.ts';
import { rehypeTaskListsFor } from './checklists/index.ts';
import { rehypePlaceholders } from './commands/index.ts';
import { recordRoutes } from './records/index.ts';
import { alertRoutes } from './alerts/index.ts';
import { offlineRoutes, offlineStep, type PageFacts } from './offline/index.ts';
import { factsRoutes } from './facts/index.ts';
import type { RouteDef } from './core/routes.ts';

export type { OpsbookUserConfig } from './core/config.ts';

const NAME = 'opsbook';

/** The options a site passed, kept on the integration object so the CLI can read them without running Astro. */
export interface OpsbookIntegration extends AstroIntegration {
	opsbook: OpsbookUserConfig;
}

export function opsbook(userConfig: OpsbookUserConfig = {}): OpsbookIntegration {
	// Validated at once: a typo in astro.config fails before Astro does anything, naming the option.
	const config = parseOpsbookConfig(userConfig);
	let resolved: ResolvedConfig | undefined;
	let alertNames: string[] = [];
	let documents: SiteDocuments | undefined;
	let coverage: CoverageReport | undefined;
	return {
		name: NAME,
		opsbook: userConfig,
		hooks: {
			'astro:config:setup': async ({ config: astro, command, updateConfig, injectRoute, addWatchFile, logger }) => {
				resolved = resolveConfig(config, { root: fileURLToPath(astro.root), outDir: fileURLToPath(astro.outDir) });
				const site = resolved;
				const diagrams = diagramRendererParts();
				site.renderVersion = [packageVersion, diagrams.mermaidVersion, diagrams.rendererVersion].join('/');
				// facts.yaml is read once per build: the checks, the Markdown plugins, the pages and the search step share it.
				const loaded = loadFacts(site.contentDir);
				const facts = siteFacts(loaded, site);
				// What this hook reads once: an edit under `opsbook dev` restarts the server, which reads it again. Pages
				// and the Markdown pipeline hold these values, so a reload alone would show the old ones.
				if (command === 'dev') for (const file of [loaded.file, site.policyFile]) addWatchFile(file);
				alertNames = Object.keys(facts.alerts);
				const factsMissing = loaded.missing === true;
				const kindFolders = new Set(Object.values(site.kinds).flatMap((k) => (k.folder ? [k.folder] : [])));
				site.emptySections = [...new Set(Object.values(facts.site.home).flat())].filter((ref) => kindFolders.has(ref));
				const setupLog = logger.fork('opsbook:content-check');
				let checked: ContentCheckResult | undefined;
				if (command === 'build' || command === 'dev') checked = await checkContentStep(site, setupLog, loaded);
				const siteDocs = checked?.site ?? loadSiteDocuments(site.contentDir, site);
				documents = siteDocs;
				coverage = checked?.coverage;
				if (site.features.diagrams && (command === 'build' || command === 'dev')) {
					await diagramsSetup(site, facts, logger.fork('opsbook:diagrams'));
				}
				// CR never reaches a page; raw HTML and link URLs pass the one sanitising policy (src/core/sanitize.ts).
				// Markdown written for other tools: its links, callouts and title heading (src/byo/).
				let linkIndex: LinkIndex | undefined;
				const links = { index: () => (linkIndex ??= buildLinkIndex(siteDocs)), base: site.base };
				const remarkPlugins: unknown[] = [
					remarkNormalizeNewlines,
					remarkLeadingTitle,
					remarkForeignSyntax,
					[remarkSourceLinks, links],
					[remarkFacts, { facts: () => facts }],
				];
				if (site.features.diagrams) remarkPlugins.push(remarkDiagramsFor(site));
				const rehypePlugins: unknown[] = [rehypeSanitize, rehypeHeadingIds, ...shellRehypePlugins(site)];
				if (site.features.checklists) rehypePlugins.splice(4, 0, rehypeTaskListsFor(site));
				rehypePlugins.push(rehypePlaceholders);
				updateConfig({
					site: astro.site || factsMissing ? undefined : facts.site.url,
					// The names documents had (KubePodCrashLooping.md, Hugo aliases) keep working: static redirect pages.
					redirects: redirectsFor(siteDocs, site.base),
					base: site.base,
					// Astro's config holds folders as URLs ending in "/" once resolved; updateConfig does not convert strings.
					srcDir: folderUrl(path.join(packageRoot, 'src')),
					publicDir: folderUrl(publicDirFor(site)),
					cacheDir: folderUrl(path.join(site.cacheDir, 'astro')),
					trailingSlash: 'always',
					build: { format: 'directory' },
					// Shiki doubles build time and memory (README, "Build pipeline"); commands read fine unhighlighted.
					markdown: {
						syntaxHighlight: false,
						// No SmartyPants: typographic quotes and dashes turn --force written in prose into "–force", which
						// fails when copied into a terminal; and it was 4.4 of 12 s rendering 1000 documents.
						processor: unified({ remarkPlugins, rehypePlugins, smartypants: false } as Parameters<typeof unified>[0]),
					},
					integrations: [mdx()],
					devToolbar: { enabled: false },
					prefetch: false,
					vite: {
						plugins: [
							virtualConfig(site, facts),
							virtualCoverage(() => coverage),
							// The dev server's twin of publishAttachments: images beside documents at their published URLs.
							devAttachments({
								contentDir: site.contentDir,
								base: site.base,
								exclude: site.exclude,
								attachments: siteDocs.inventory.attachments,
							}),
						],
						// Opsbook ships TypeScript and .astro files; Node cannot run those from node_modules, so Vite must bundle them.
						ssr: { noExternal: [NAME] },
						build: {
							// Never inline scripts into pages: an inlined island is paid again by every page (and precached a
							// thousand times), while a file is downloaded and cached once. It also keeps the CSP hash list short.
							assetsInlineLimit: 0,
							rollupOptions: {
								// Every MDX module carries Astro's "use astro:head-inject" directive; the bundler warns once per
								// page that it may not keep it. Astro handles head injection itself (1000 pages: 1000 lines).
								onwarn(warning: { code?: string }, warn: (w: { code?: string }) => void) {
									if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
								},
							},
						},
					},
				} as Parameters<typeof updateConfig>[0]);
				for (const route of routesFor(site)) injectRoute(route);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = resolved!;
				const out = fileURLToPath(dir);
				// Images and attachments beside the documents, published where their links now point (before the link
				// check, which reads them, and the offline step, which precaches them).
				if (documents) publishAttachments(documents, out, logger.fork('opsbook:attachments'));
				await linkCheckStep(site, out, logger.fork('opsbook:link-check'));
				if (site.features.search) await searchIndexStep(alertNames, out, logger.fork('opsbook:search-index'));
				if (site.features.cards && site.cardPdfs) await cardPdfStep(site, out, logger.fork('opsbook:cards'));
				else if (site.features.cards) logger.fork('opsbook:cards').info('card PDFs: skipped (OPSBOOK_CARD_PDFS=off)');
				// Last: the precache and the download must cover everything written before.
				if (site.features.offline) await offlineStep(site, out, logger.fork('opsbook:offline'), pageFacts(documents));
				// The level reached, at the end of every build where it is read: counts, never a failure.
				if (coverage) for (const line of formatCoverage(coverage)) logger.fork('opsbook:coverage').info(line);
			},
		},
	};
}

export default opsbook;

const folderUrl = (dir: string) => pathToFileURL(`${dir}/`);

/** The site's own public/ folder when it has one (favicon, _headers), else Opsbook's. */
function publicDirFor(site: ResolvedConfig): string {
	const own = path.join(site.root, 'public');
	return fs.existsSync(own) ? own : path.join(packageRoot, 'public');
}

function publishAttachments(docs: SiteDocuments, out: string, logger: AstroIntegrationLogger): void {
	const files = docs.inventory.attachments;
	for (const a of files) {
		const target = path.join(out, ...a.url.split('/'));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(a.file, target);
	}
	if (files.length) logger.info(`${files.length} images and attachments published beside their documents`);
}

/** Each document page's kind and tags by its file in the site, for the offline precache order. */
function pageFacts(docs: SiteDocuments | undefined): PageFacts {
	const out = new Map<string, { kind: string; tags: string[] }>();
	for (const d of docs?.all ?? []) {
		if (d.normalized.draft) continue;
		out.set(`${d.id}/index.html`, { kind: d.normalized.data.kind, tags: d.normalized.data.tags });
	}
	return out;
}

/** Astro redirect pages from each document's former names to its URL; never over a page of the site. */
function redirectsFor(docs: SiteDocuments, base: string): Record<string, string> {
	const published = docs.all.filter((d) => !d.normalized.draft);
	const taken = new Set(published.map((d) => d.id));
	const out: Record<string, string> = {};
	for (const d of published) {
		for (const from of d.redirects) {
			// Never over a page: a document, or the site's own (a team's search/ folder is /search-docs/, not /search/).
			if (taken.has(from) || SITE_PATHS.has(from.split('/')[0]!.toLowerCase())) continue;
			out[`/${from}`] = `${base}${d.id}/`;
		}
	}
	return out;
}

function routesFor(site: ResolvedConfig): RouteDef[] {
	const { features } = site;
	return [
		...shellRoutes,
		...factsRoutes,
		...alertRoutes,
		...byoRoutes,
		...(features.search ? searchRoutes : []),
		...(features.offline ? offlineRoutes : []),
		...(features.cards ? cardRoutes : []),
		...(features.records ? recordRoutes : []),
	];
}

export type { AstroIntegrationLogger };
