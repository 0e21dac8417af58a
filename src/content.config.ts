import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { cardSchema } from './schemas/card.ts';
import { KIND_FOLDERS } from './schemas/kinds.ts';
import { RECORD_COLLECTIONS, type RecordCollection } from './schemas/records.ts';
import { recordLoader } from './utils/record-loader.ts';
import { contentDir } from './utils/project-paths.ts';

const docs = defineCollection({
	loader: glob({ pattern: `{${KIND_FOLDERS.join(',')}}/**/*.mdx`, base: pathToFileURL(`${contentDir()}/`) }),
	schema: documentSchema,
});

// Quick-reference cards (content/cards/<id>.mdx): printed summaries of a document; the id is the file name.
const cards = defineCollection({
	loader: glob({ pattern: '*.mdx', base: pathToFileURL(`${contentDir()}/cards/`) }),
	schema: cardSchema,
});

// Readiness records (content/records/<collection>/*.yaml): the id is the file name, as src/checks/records.ts reads it.
const record = <C extends RecordCollection>(c: C) => defineCollection({ loader: recordLoader(c), schema: RECORD_COLLECTIONS[c].schema });

export const collections = { docs, cards, training: record('training'), rehearsals: record('rehearsals'), verifications: record('verifications'), ci: record('ci'), signoffs: record('signoffs') };
