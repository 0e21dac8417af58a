import { defineCollection } from 'astro:content';
import config from 'virtual:opsbook/config';
import facts from 'virtual:opsbook/facts';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { docDataSchema } from './core/document-schema.ts';
import { docsLoader } from './core/docs-loader.ts';
import { factsUsedBy } from './facts/facts-used.ts';
import { staticComponents } from './facts/index.ts';
import { cardSchema } from './cards/schema.ts';
import { RECORD_COLLECTIONS, type RecordCollection } from './records/schema.ts';
import { recordLoader } from './records/record-loader.ts';

// Every .md and .mdx document of the content folder, whatever tool it was written for (src/core/docs-loader.ts).
// MDX that uses only fact references and these components is rendered as Markdown, with the facts pages read.
const docs = defineCollection({
	loader: docsLoader(config, {
		factsUsedBy: (source) => factsUsedBy(facts, source),
		components: staticComponents(facts),
	}),
	schema: docDataSchema,
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
