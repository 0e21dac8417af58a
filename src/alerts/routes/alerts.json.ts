/** alerts.json: alert name -> absolute runbook URL, for Alertmanager's `runbook_url` annotation. */
import type { APIRoute } from 'astro';
import { alertTargetMap } from '../alert-pages.ts';

export const GET: APIRoute = async ({ site }) => {
	const base = import.meta.env.BASE_URL;
	const map: Record<string, string> = {};
	for (const [name] of [...(await alertTargetMap())].sort(([a], [b]) => a.localeCompare(b))) {
		// A site without an address (no `site`, no facts.yaml) lists paths; runbook_url then needs `opsbook alerts`.
		map[name] = site ? new URL(`${base}alerts/${name}/`, site).href : `${base}alerts/${name}/`;
	}
	return new Response(`${JSON.stringify(map, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
