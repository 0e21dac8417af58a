/**
 * Rendering a diagram the pre-render step did not see: in `astro dev` after an edit, the remark plugin finds a key
 * that is not cached. Launching Chromium per edit costs seconds, so one renderer is kept for a short while and closed
 * when idle. This is the one piece of process-wide state in the diagram pipeline, and it only holds a browser handle.
 */
import type { DiagramRenderer } from './renderer.ts';
import { openRenderer } from './renderer.ts';
import { prerenderDiagrams, type PrerenderOptions, type PrerenderStats } from './prerender.ts';
import type { DiagramRequest } from './scan.ts';

/** Short: a build that hit a cache miss must not wait long for the browser to close before it can exit. */
const IDLE_MS = 5_000;

let session: { renderer: Promise<DiagramRenderer>; users: number; timer?: NodeJS.Timeout } | undefined;

export async function renderOnDemand(
	requests: Pick<DiagramRequest, 'source' | 'file' | 'line' | 'contentLine'>[],
	options: Omit<PrerenderOptions, 'renderer'>,
): Promise<PrerenderStats> {
	const current = (session ??= { renderer: openRenderer(), users: 0 });
	clearTimeout(current.timer);
	current.users++;
	try {
		return await prerenderDiagrams(requests, { ...options, renderer: () => current.renderer });
	} catch (error) {
		// A renderer that failed to start (no browser) must not be handed to the next caller; an invalid diagram
		// leaves a working renderer, which is kept.
		const broken = await current.renderer.then(
			() => false,
			() => true,
		);
		if (broken && session === current) session = undefined;
		throw error;
	} finally {
		current.users--;
		if (current.users === 0 && session === current) {
			current.timer = setTimeout(() => {
				if (session === current && current.users === 0) {
					session = undefined;
					void current.renderer.then((r) => r.close()).catch(() => undefined);
				}
			}, IDLE_MS);
			current.timer.unref();
		}
	}
}
