import { defineCollection } from 'astro:content';
import config from 'virtual:opsbook/config';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { documentSchema } from './core/document-schema.ts';
import { cardSchema } from './cards/schema.ts';
import { KIND_FOLDERS } from './core/kinds.ts';
import { RECORD_COLLECTIONS, type RecordCollection } from './records/schema.ts';
import { recordLoader } from './records/record-loader.ts';

const docs = defineCollection({
	loader: glob({ pattern: `{${KIND_FOLDERS.join(',')}}/**/*.mdx`, base: pathToFileURL(`${config.contentDir}/`) }),
	schema: documentSchema,
});

// Quick-reference cards (content/cards/<id>.mdx): printed summaries of a document; the id is the file name.
const cards = defineCollection({
	loader: glob({ pattern: '*.mdx', base: pathToFileURL(`${config.contentDir}/cards/`) }),
	schema: cardSchema,
});

// Readiness records (content/records/<collection>/*.yaml): the id is the file name, as src/records/check.ts reads it.
const record = <C extends RecordCollection>(c: C) =>
	defineCollection({ loader: recordLoader(c), schema: RECORD_COLLECTIONS[c].schema });

export const collections = {
	docs,
	cards,
	training: record('training'),
	rehearsals: record('rehearsals'),
	verifications: record('verifications'),
	ci: record('ci'),
	signoffs: record('signoffs'),
	acceptances: record('acceptances'),
};
