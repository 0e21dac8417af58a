/**
 * Paths as people read them. Where content and output live is configuration (src/core/config.ts), not decided here.
 */
import path from 'node:path';

/** A path as people should read it in messages: relative to the working directory when inside it. */
export function displayPath(file: string, from: string = process.cwd()): string {
	const rel = path.relative(from, file);
	return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
