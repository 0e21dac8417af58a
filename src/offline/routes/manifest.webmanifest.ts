/** <base>manifest.webmanifest: see src/offline/web-manifest.ts. */
import type { APIRoute } from 'astro';
import { facts } from '../../facts/site-facts.ts';
import { webManifest } from '../web-manifest.ts';

export const GET: APIRoute = () => {
	const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');
	const manifest = webManifest({
		title: facts.site.title,
		description: `Runbooks and incident playbooks for ${facts.service.name as string}`,
		base,
	});
	return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
};
