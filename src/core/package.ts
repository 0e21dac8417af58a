/**
 * Where the Opsbook package itself is: its pages, components, public assets and the Mermaid it renders with. Only
 * Node-side code uses this (the integration's hooks and the CLI): in pages, Astro bundles modules into the build output,
 * where import.meta.url points inside the output folder.
 *
 * Found by walking up to Opsbook's own package.json, because this module runs from src/core/ in a checkout and from the
 * bundled lib/cli.js in an installed package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'opsbook')
			return dir;
		if (path.dirname(dir) === dir) throw new Error(`opsbook: no package.json of opsbook above ${from}`);
	}
}

export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Opsbook's own version (package.json), for cache keys. */
export const packageVersion = (
	JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
