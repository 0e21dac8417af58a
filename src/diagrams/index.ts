/** Mermaid diagrams rendered at build time: the pre-render step and the remark plugin that places them. */
import type { ResolvedConfig } from '../core/config.ts';
import { diagramCacheDir } from './cache.ts';
import { remarkDiagrams } from './remark-diagrams.ts';

export { diagramsSetup } from './integration.ts';
export { keyParts as diagramRendererParts } from './renderer.ts';
export { remarkDiagrams } from './remark-diagrams.ts';

export function remarkDiagramsFor(site: ResolvedConfig): [typeof remarkDiagrams, { cacheDir: string; base: string }] {
	return [remarkDiagrams, { cacheDir: diagramCacheDir(site.cacheDir), base: site.base }];
}
