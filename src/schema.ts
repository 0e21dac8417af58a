/**
 * `opsbook/schema`: the schemas Opsbook validates content with, for tools and for sites that add their own
 * front-matter fields. `docsSchema({ extend })` is the document schema with extra fields.
 */
export { docsSchema, documentSchema, type DocumentData } from './core/document-schema.ts';
export { cardSchema } from './cards/schema.ts';
export { factsSchema, type Facts } from './facts/schema.ts';
export { RECORD_COLLECTIONS } from './records/schema.ts';
export { opsbookConfigSchema, type OpsbookUserConfig } from './core/config.ts';
