/** environments.json: each environment's values, fetched by the environment picker when the reader switches. */
import type { APIRoute } from 'astro';
import { environmentValues } from '../environment-values.ts';
import { facts } from '../site-facts.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(environmentValues(facts)), { headers: { 'content-type': 'application/json' } });
