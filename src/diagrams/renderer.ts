/**
 * Renders Mermaid sources to SVG in one Chromium (from src/core/browser.ts), with the `mermaid` package's browser
 * build loaded into blank pages: no network, no dev server. One page per theme, so the light and dark variants of a
 * batch render in parallel; a page renders its batch sequentially (Mermaid keeps per-render global state).
 *
 * The page lives at a made-up origin whose requests Playwright answers from node_modules/mermaid/dist/ (every other
 * request is refused). That lets the page import Mermaid's ES module build, which loads only the chunks a diagram
 * type needs: measured on this 2-core machine, 0.6 s to load against 5 s for parsing the 5.5 MB single-file bundle.
 *
 * Besides the SVG, each render returns the diagram's parsed model (nodes, edges, links, accTitle/accDescr), taken from
 * Mermaid's own parser in the page: that is what the text version and the accessible name are built from.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../core/browser.ts';
import { DIAGRAM_THEMES, type DiagramTheme, type KeyParts } from './source.ts';
import { pruneUnusedCss } from './css-prune.ts';
import { scopeSvgIds, sizeSvgRoot, trimSvg } from './svg.ts';
import { sanitizeSvg } from '../core/sanitize.ts';
import { packageRoot } from '../core/package.ts';

/** Bump when the post-processing or the Mermaid configuration below changes: every cached diagram re-renders. */
export const RENDERER_VERSION = '8';

/** Placeholder id every diagram is rendered with; replaced per page by finaliseSvg(). */
export const RENDER_TOKEN = 'opsbook-diagram-x7q';

/** The site's font stack (src/shell/styles/global.css), so labels are measured in a font close to the one shown. */
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const MERMAID_THEME: Record<DiagramTheme, string> = { light: 'default', dark: 'dark' };

/**
 * Mermaid settings, chosen by measurement (browser CPU time per 9-node flowchart, one theme, median of 4 runs of 40
 * on this 2-core machine under load): Mermaid 12's defaults (ELK layout, securityLevel 'strict') 108 ms; dagre
 * layout 71 ms; dagre and 'loose' 57 ms. Dagre is Mermaid's classic layout (curved edges; ELK draws right angles). 'loose' keeps Mermaid's
 * label sanitising (DOMPurify still removes scripts, handlers and styles from labels) and also allows
 * `click A call fn()` callbacks, which never run here: the output is static SVG, bindFunctions is never called, and
 * sanitizeSvg() (src/core/sanitize.ts) drops any javascript: link.
 */
const MERMAID_CONFIG = {
	startOnLoad: false,
	securityLevel: 'loose',
	layout: 'dagre',
	fontFamily: FONT_FAMILY,
} as const;

/**
 * Overrides of Mermaid's theme where it fails WCAG AA on the site, or where the dark rendering would differ from the
 * light one in more than colours:
 *   - the dark theme's edge labels (#ccc on #585858, 4.4:1) get the site's dark code background (10:1);
 *   - the dark theme draws node borders with a gradient (#ccc fading to #2f2f2f, 1.4:1 against the page's #0f1115 at
 *     its dark end, under the 3:1 graphics need) where the light theme has a solid colour: `useGradient: false` gives a
 *     solid #ccc border (12:1), and light and dark then differ in colours only, so a page can carry one SVG for both
 *     themes (src/diagrams/merge.ts).
 */
const THEME_VARIABLES: Record<DiagramTheme, Record<string, string | boolean>> = {
	light: {},
	dark: { edgeLabelBackground: '#1b1f27', useGradient: false },
};

export interface DiagramNode {
	id: string;
	label: string;
	link?: string;
}

export interface DiagramEdge {
	from: string;
	to: string;
	label: string;
	/** Mermaid's edge type (arrow_point, arrow_open, double_arrow_point, ...), or "message" in a sequence diagram. */
	type: string;
}

export interface DiagramModel {
	/** Mermaid's diagram type: flowchart-v2, sequence, ... */
	type: string;
	title?: string;
	accTitle?: string;
	accDescr?: string;
	nodes: DiagramNode[];
	edges: DiagramEdge[];
}

export interface RenderedDiagram {
	ok: true;
	svg: string;
	/** Only asked for in the light pass: the text version comes from the light variant. */
	model?: DiagramModel;
	/** Time Mermaid took for this diagram, in the page. */
	ms: number;
}

export interface FailedDiagram {
	ok: false;
	/** Mermaid's own message. */
	message: string;
	/** Line inside the diagram source (1-based), when Mermaid says which. */
	line?: number;
}

export type RenderOutcome = RenderedDiagram | FailedDiagram;

const require = createRequire(path.join(packageRoot, 'package.json'));

/** Mermaid's ES module entry; its chunks sit beside it. */
export function mermaidScriptPath(): string {
	return require.resolve('mermaid/dist/mermaid.esm.min.mjs');
}

/** Not a real host (.invalid never resolves): every request to it is answered locally by preparePage(). */
const PAGE_ORIGIN = 'http://opsbook-diagrams.invalid';

export function mermaidVersion(): string {
	const pkg = JSON.parse(fs.readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string };
	return pkg.version;
}

export function keyParts(): KeyParts {
	return { mermaidVersion: mermaidVersion(), rendererVersion: RENDERER_VERSION };
}

export interface DiagramRenderer {
	/** Render sources in one theme, in order; a failed diagram does not stop the others. */
	render(sources: string[], theme: DiagramTheme): Promise<RenderOutcome[]>;
	close(): Promise<void>;
}

/** Launch the browser (throws BrowserNotFoundError with install hints when there is none) and load Mermaid in one page per theme. */
export async function openRenderer(): Promise<DiagramRenderer> {
	const browser: Browser = await launchBrowser();
	try {
		const script = mermaidScriptPath();
		// Both pages load Mermaid at once, before the first render, so start-up and rendering time are told apart.
		const prepared = await Promise.all(
			DIAGRAM_THEMES.map(async (theme) => [theme, await preparePage(browser, script, theme)] as const),
		);
		const pages = new Map<DiagramTheme, Page>(prepared);
		return {
			async render(sources, theme) {
				if (!sources.length) return [];
				const page = pages.get(theme)!;
				const raw = await page.evaluate(renderInPage, pageArgs(sources, theme));
				return raw.map((r): RenderOutcome => (r.ok ? { ...r, svg: postProcess(r.svg) } : r));
			},
			close: () => browser.close(),
		};
	} catch (error) {
		await browser.close();
		throw error;
	}
}

function postProcess(svg: string): string {
	return sizeSvgRoot(scopeSvgIds(pruneUnusedCss(trimSvg(sanitizeSvg(svg))), RENDER_TOKEN));
}

function pageArgs(sources: string[], theme: DiagramTheme): PageArgs {
	return {
		sources,
		config: {
			...MERMAID_CONFIG,
			theme: MERMAID_THEME[theme],
			themeVariables: { ...THEME_VARIABLES[theme], fontFamily: FONT_FAMILY },
		},
		withModel: theme === 'light',
		token: RENDER_TOKEN,
	};
}

/** Rendered once per page at start-up: the first render compiles most of Mermaid's code (about a second). */
const WARM_UP = 'flowchart TD\n  A["Warm up"] -->|yes| B{"Ready?"}\n  click B "/x/"';

async function preparePage(browser: Browser, script: string, theme: DiagramTheme): Promise<Page> {
	const page = await browser.newPage();
	const dist = path.dirname(script);
	// Only the page itself and Mermaid's files are served; anything else (a diagram pointing at an image, a font) is
	// refused, so rendering never touches the network.
	await page.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.origin !== PAGE_ORIGIN) return route.abort();
		if (url.pathname === '/')
			return route.fulfill({
				contentType: 'text/html',
				body: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
			});
		const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)));
		if (!file.startsWith(dist + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
		return route.fulfill({ contentType: 'text/javascript', body: await fs.promises.readFile(file) });
	});
	await page.goto(`${PAGE_ORIGIN}/`);
	await page.evaluate(FAST_DEFINE_PROPERTY);
	// A string, not a function: this module is also loaded through Vite (astro.config.ts), which rewrites import()
	// inside functions into a helper that does not exist in the page.
	await page.evaluate(
		`import(${JSON.stringify(`${PAGE_ORIGIN}/${path.basename(script)}`)}).then((m) => { window.mermaid = m.default; })`,
	);
	const [warm] = await page.evaluate(renderInPage, pageArgs([WARM_UP], theme));
	if (!warm?.ok) throw new Error(`Mermaid failed to start in the browser: ${warm ? warm.message : 'no result'}`);
	return page;
}

/**
 * Mermaid clones its whole configuration (~800 keys) several times per node and edge (getConfig ->
 * assignWithDepth), adding each key with Object.defineProperty(o, k, { value, writable, enumerable, configurable:
 * true }). For a new key on an ordinary extensible object that is exactly a plain assignment, which V8 does several
 * times faster; this makes it one, in the rendering page only (measured: about 15% of the CPU per diagram).
 */
const FAST_DEFINE_PROPERTY = `(() => {
	const define = Object.defineProperty;
	const has = Object.prototype.hasOwnProperty;
	Object.defineProperty = function (o, k, d) {
		if (d && d.writable === true && d.enumerable === true && d.configurable === true && !('get' in d) && !('set' in d)
			&& k !== '__proto__' && Object.getPrototypeOf(o) === Object.prototype && Object.isExtensible(o) && !has.call(o, k)) {
			o[k] = d.value;
			return o;
		}
		return define(o, k, d);
	};
})()`;

interface PageArgs {
	sources: string[];
	config: Record<string, unknown>;
	withModel: boolean;
	token: string;
}

type PageOutcome =
	| { ok: true; svg: string; model?: DiagramModel; ms: number }
	| { ok: false; message: string; line?: number };

/**
 * Runs inside the page (serialised by Playwright): it must be self-contained, reach Mermaid only through window, and
 * use nothing Vite's SSR transform rewrites (imports, import(), import.meta) since astro.config.ts loads this module.
 * With `withModel`, the source is parsed twice (once for the model, once by render): Mermaid has no public way to get
 * both from one parse, so only the light pass does it.
 */
async function renderInPage(args: PageArgs): Promise<PageOutcome[]> {
	interface MermaidDb {
		[name: string]: unknown;
	}
	interface Mermaid {
		initialize(config: Record<string, unknown>): void;
		render(id: string, text: string): Promise<{ svg: string }>;
		mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: MermaidDb }> };
	}
	const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
	mermaid.initialize(args.config);
	const call = (db: MermaidDb, name: string): unknown =>
		typeof db[name] === 'function' ? (db[name] as () => unknown).call(db) : undefined;
	const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
	const entries = (v: unknown): Array<[string, Record<string, unknown>]> =>
		v instanceof Map
			? [...v.entries()]
			: v && typeof v === 'object'
				? (Object.entries(v) as Array<[string, Record<string, unknown>]>)
				: [];

	const modelOf = async (source: string): Promise<DiagramModel> => {
		const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
		const db = diagram.db;
		const nodes: DiagramNode[] = entries(call(db, 'getVertices')).map(([id, v]) => ({
			id,
			label: typeof v.text === 'string' && v.text ? v.text : id,
			...(typeof v.link === 'string' && v.link ? { link: v.link } : {}),
		}));
		const groups = call(db, 'getSubGraphs');
		if (Array.isArray(groups)) {
			for (const g of groups as Array<Record<string, unknown>>) {
				if (typeof g.id === 'string')
					nodes.push({ id: g.id, label: typeof g.title === 'string' && g.title ? g.title : g.id });
			}
		}
		const rawEdges = call(db, 'getEdges');
		const edges: DiagramEdge[] = Array.isArray(rawEdges)
			? (rawEdges as Array<Record<string, unknown>>).map((e) => ({
					from: String(e.start),
					to: String(e.end),
					label: typeof e.text === 'string' ? e.text : '',
					type: String(e.type ?? 'arrow_point'),
				}))
			: [];
		// Sequence diagrams: participants are the nodes, messages the edges.
		const messages = call(db, 'getMessages');
		if (!nodes.length && Array.isArray(messages)) {
			for (const [id, actor] of entries(call(db, 'getActors')))
				nodes.push({ id, label: typeof actor.description === 'string' && actor.description ? actor.description : id });
			for (const m of messages as Array<Record<string, unknown>>) {
				if (typeof m.from === 'string' && typeof m.to === 'string' && m.from && m.to)
					edges.push({
						from: m.from,
						to: m.to,
						label: typeof m.message === 'string' ? m.message : '',
						type: 'message',
					});
			}
		}
		const model: DiagramModel = { type: diagram.type, nodes, edges };
		const title = text(call(db, 'getDiagramTitle'));
		const accTitle = text(call(db, 'getAccTitle'));
		const accDescr = text(call(db, 'getAccDescription'));
		if (title) model.title = title;
		if (accTitle) model.accTitle = accTitle;
		if (accDescr) model.accDescr = accDescr;
		return model;
	};

	const out: PageOutcome[] = [];
	for (const source of args.sources) {
		const started = performance.now();
		try {
			const model = args.withModel ? await modelOf(source) : undefined;
			const { svg } = await mermaid.render(args.token, source);
			// Re-serialise as XML: Mermaid's string is HTML-flavoured (<br> in labels); the string transforms after it
			// (diagram-svg.ts, diagram-merge.ts) expect well-formed XML.
			const holder = document.createElement('div');
			holder.innerHTML = svg;
			const element = holder.querySelector('svg');
			if (!element) throw new Error('Mermaid returned no <svg>');
			const xml = new XMLSerializer().serializeToString(element);
			out.push(
				model
					? { ok: true, svg: xml, model, ms: performance.now() - started }
					: { ok: true, svg: xml, ms: performance.now() - started },
			);
		} catch (error) {
			const e = error as { message?: unknown; hash?: { loc?: { first_line?: unknown }; line?: unknown } };
			const message = typeof e?.message === 'string' ? e.message : String(error);
			const fromMessage = /\bline (\d+)/i.exec(message)?.[1];
			const fromHash = typeof e?.hash?.loc?.first_line === 'number' ? e.hash.loc.first_line : undefined;
			const line = fromMessage ? Number(fromMessage) : fromHash;
			out.push(line === undefined ? { ok: false, message } : { ok: false, message, line });
			// A failed render can leave its scratch element behind; the next render reuses the same id.
			document.getElementById(args.token)?.remove();
			document.getElementById(`d${args.token}`)?.remove();
		}
	}
	return out;
}
