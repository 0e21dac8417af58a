/** A page a feature adds to the site: Astro's injectRoute arguments, with the entrypoint inside this package. */
import { fileURLToPath } from 'node:url';

export interface RouteDef {
	pattern: string;
	entrypoint: string;
	prerender?: boolean;
}

/** `route('/alerts/[alert]', './routes/[alert].astro', import.meta.url)` from a feature's index.ts. */
export function route(pattern: string, file: string, from: string): RouteDef {
	return { pattern, entrypoint: fileURLToPath(new URL(file, from)) };
}
