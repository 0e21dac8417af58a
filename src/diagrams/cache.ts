/**
 * The on-disk diagram cache: one JSON file per rendering, named by its key (source + theme + Mermaid version +
 * renderer version), under the build's cache folder. Written by the pre-render step, read synchronously by the
 * remark plugin, so a rebuild with unchanged diagrams needs no browser at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiagramModel } from './renderer.ts';
import type { DiagramTheme } from './source.ts';

export interface CachedDiagram {
	key: string;
	theme: DiagramTheme;
	/** Sanitised, id-scoped SVG, still carrying RENDER_TOKEN as its id. */
	svg: string;
	/** Mermaid's parsed model; stored with the light variant, which the page takes its text version from. */
	model?: DiagramModel;
	/** Milliseconds Mermaid took (informational). */
	ms: number;
}

/** The diagram cache inside a site's cache folder (ResolvedConfig.cacheDir). */
export function diagramCacheDir(siteCacheDir: string): string {
	return path.join(siteCacheDir, 'diagrams');
}

function entryPath(dir: string, key: string): string {
	return path.join(dir, `${key}.json`);
}

export function hasCachedDiagram(dir: string, key: string): boolean {
	return fs.existsSync(entryPath(dir, key));
}

export function readCachedDiagram(dir: string, key: string): CachedDiagram | undefined {
	try {
		return JSON.parse(fs.readFileSync(entryPath(dir, key), 'utf8')) as CachedDiagram;
	} catch {
		// Missing or half-written (a build killed mid-write): treat as not cached, it is rendered again.
		return undefined;
	}
}

/** Write-then-rename, so a parallel build never reads half a file. */
export function writeCachedDiagram(dir: string, entry: CachedDiagram): void {
	fs.mkdirSync(dir, { recursive: true });
	const target = entryPath(dir, entry.key);
	const temp = `${target}.${process.pid}.tmp`;
	fs.writeFileSync(temp, JSON.stringify(entry));
	fs.renameSync(temp, target);
}
