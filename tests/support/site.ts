/**
 * The site the end-to-end suites test by default: this repository's handbook (astro.config.ts at the root), built by
 * `npm run build` into dist/. OPSBOOK_OUT_DIR and OPSBOOK_BASE point the suites at another build of it.
 */
import path from 'node:path';
import { normaliseBase } from '../../src/core/config.ts';
import { repoRoot } from './fixture-site.ts';

export const siteContentDir = path.join(repoRoot, 'content');
export const siteOutDir = path.resolve(repoRoot, process.env.OPSBOOK_OUT_DIR ?? 'dist');
export const siteBase = normaliseBase(process.env.OPSBOOK_BASE ?? '/');
