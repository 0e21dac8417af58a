/**
 * `opsbook/schema`: the schemas Opsbook validates content with, for tools and for sites that add their own
 * front-matter fields. `docsSchema({ extend })` is the document schema with extra fields.
 */
import type { z } from 'astro/zod';
import { documentSchema } from './core/document-schema.ts';

export { documentSchema, type DocumentData } from './core/document-schema.ts';
export { cardSchema } from './cards/schema.ts';
export { factsSchema, type Facts } from './facts/schema.ts';
export { RECORD_COLLECTIONS } from './records/schema.ts';
export { opsbookConfigSchema, type OpsbookUserConfig } from './core/config.ts';

/** The document schema, with a site's own extra fields when given (`extend: z.object({ pagerdutyId: z.string() })`). */
export function docsSchema<E extends z.ZodRawShape = Record<never, never>>(options: { extend?: z.ZodObject<E> } = {}) {
	return options.extend ? documentSchema.extend(options.extend.shape) : documentSchema;
}
