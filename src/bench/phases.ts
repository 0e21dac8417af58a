/**
 * Where a build's time went, read from its log: the lines each step prints when it ends (Astro's own and Opsbook's
 * logger forks), in the order src/index.ts runs them. A phase lasts from the line that ends the step before it to
 * the line that ends it; where no line marks a start, the step's own line states its duration (the content check,
 * and the CLI's "Site built in … (S s)", which dates Astro's spawn). What no phase covers (Astro and Vite setting up
 * between steps, type generation) is "other", so the phases add up to the wall time.
 */

export const PHASES = [
	'cli start',
	'astro start',
	'content check',
	'diagrams',
	'content sync',
	'bundle',
	'render',
	'link check',
	'search index',
	'card PDFs',
	'offline',
	'write',
	'other',
] as const;
export type Phase = (typeof PHASES)[number];

/** What each phase is, for the table and the JSON. */
export const PHASE_NOTES: Record<Phase, string> = {
	'cli start': 'Node and the opsbook CLI up to spawning Astro (it loads astro.config to find the output folder)',
	'astro start': 'Astro loading astro.config and the integration, facts.yaml',
	'content check': 'front matter, sections, links, command parsers',
	diagrams: 'Mermaid blocks rendered (or read from the cache)',
	'content sync': "Astro's content layer: .md bodies are rendered here",
	bundle: 'Vite bundling: .mdx documents and cards are compiled here',
	render: 'Astro page generation: every page rendered and written',
	'link check': 'every internal link and anchor of the output',
	'search index': 'Pagefind',
	'card PDFs': 'Chromium prints each card',
	offline: 'service worker precache and the offline zip',
	write: 'the staged site swapped into place',
	other: 'between steps: Vite and content-layer set-up, type generation',
};

export interface TimedLine {
	/** Milliseconds since the build started. */
	ms: number;
	text: string;
}

/**
 * Reads a log whose lines are `  12.345 | text` (arrival time in seconds, src/bench/measure.ts). A plain Astro log
 * (`13:00:49 [build] …`) works too, at the whole seconds it stamps, counted from its first stamp; an unstamped line
 * takes the time of the line before it.
 */
export function parseTimedLog(log: string): TimedLine[] {
	const out: TimedLine[] = [];
	let first: number | undefined;
	let last = 0;
	for (const raw of log.split('\n')) {
		const arrival = /^\s*(\d+\.\d+) \| (.*)$/.exec(raw);
		if (arrival) {
			last = Number(arrival[1]) * 1000;
			out.push({ ms: last, text: arrival[2]! });
			continue;
		}
		const clock = /^(\d\d):(\d\d):(\d\d) /.exec(raw);
		if (clock) {
			const s = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
			first ??= s;
			// Past midnight the clock starts again from 0.
			last = ((s - first + 86_400) % 86_400) * 1000;
		}
		out.push({ ms: last, text: raw });
	}
	return out;
}

/** The line that ends each step, in the order the build prints them. */
const MARKS = {
	contentCheck: /\[opsbook:content-check\] .*passed the content checks in ([\d.]+) s/,
	diagrams: /\[opsbook:diagrams\] diagrams: /,
	syncStart: /\[content\] Syncing content/,
	syncEnd: /\[content\] Synced content/,
	bundleStart: /\[build\] Building static entrypoints/,
	renderStart: /generating static routes/,
	// "3.23s", "450ms", and past a minute "1m 53s" (10,000 documents).
	renderEnd: /✓ Completed in (?:\d+m )?[\d.]+m?s/,
	astroBuilt: /\[build\] ✓ Completed in/,
	linkCheck: /\[opsbook:link-check\] /,
	search: /\[opsbook:search-index\] search index: /,
	cards: /\[opsbook:cards\] card PDFs: /,
	offline: /\[opsbook:offline\] offline: /,
	astroDone: /\[build\] Complete!/,
	siteBuilt: /^Site built in .* \(([\d.]+) s\)/,
} as const;

export type PhaseTimes = Record<Phase, number | null>;

/**
 * Milliseconds per phase; null where the log has no line for it (a step switched off, a failed build). `wallMs` is
 * the whole build as measured outside it; without it the last line's time stands in.
 */
export function phaseTimes(lines: TimedLine[], wallMs?: number): PhaseTimes {
	// The first line matching `re` at or after line `from`: each mark is searched after the one before it, because
	// Astro prints "✓ Completed in" for more than one step.
	const find = (re: RegExp, from = 0): { index: number; ms: number; match: RegExpExecArray } | undefined => {
		for (let i = from; i < lines.length; i++) {
			const match = re.exec(lines[i]!.text);
			if (match) return { index: i, ms: lines[i]!.ms, match };
		}
		return undefined;
	};
	const total = wallMs ?? lines.at(-1)?.ms ?? 0;
	const times = Object.fromEntries(PHASES.map((p) => [p, null])) as PhaseTimes;
	const span = (start: { ms: number } | undefined, end: { ms: number } | undefined) =>
		start && end ? Math.max(0, end.ms - start.ms) : null;

	// The CLI states how long it ran after its own start-up: "Site built in dist/ (55.2 s)".
	const built = find(MARKS.siteBuilt);
	const astroSpawned = built ? Math.max(0, built.ms - Number(built.match[1]) * 1000) : undefined;
	times['cli start'] = astroSpawned ?? null;
	const check = find(MARKS.contentCheck);
	const checkStart = check ? { ms: check.ms - Number(check.match[1]) * 1000 } : undefined;
	times['astro start'] = checkStart ? Math.max(0, checkStart.ms - (astroSpawned ?? 0)) : null;
	times['content check'] = check ? Number(check.match[1]) * 1000 : null;
	const diagrams = find(MARKS.diagrams, check?.index);
	times.diagrams = span(check, diagrams);
	const syncStart = find(MARKS.syncStart);
	times['content sync'] = span(syncStart, find(MARKS.syncEnd, syncStart?.index));
	const bundleStart = find(MARKS.bundleStart);
	const renderStart = find(MARKS.renderStart, bundleStart?.index);
	times.bundle = span(bundleStart, renderStart);
	const renderEnd = renderStart ? find(MARKS.renderEnd, renderStart.index + 1) : undefined;
	times.render = span(renderStart, renderEnd);

	// astro:build:done runs its steps one after the other: each starts where the last logged one ended.
	let previous = renderEnd ? (find(MARKS.astroBuilt, renderEnd.index + 1) ?? renderEnd) : undefined;
	for (const [phase, re] of [
		['link check', MARKS.linkCheck],
		['search index', MARKS.search],
		['card PDFs', MARKS.cards],
		['offline', MARKS.offline],
	] as const) {
		let end = previous && find(re, previous.index + 1);
		// A step may log more than one line (card PDFs): it ends at its last.
		while (end) {
			const next = find(re, end.index + 1);
			if (!next) break;
			end = next;
		}
		times[phase] = span(previous, end);
		if (end) previous = end;
	}
	const astroDone = find(MARKS.astroDone);
	times.write = span(astroDone, built && astroDone && built.index > astroDone.index ? built : undefined);

	const known = PHASES.filter((p) => p !== 'other').reduce((sum, p) => sum + (times[p] ?? 0), 0);
	times.other = Math.max(0, total - known);
	return times;
}
