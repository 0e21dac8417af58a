import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { KIND_FOLDERS } from './schemas/kinds.ts';
import { contentDir } from './utils/project-paths.ts';

const docs = defineCollection({
	loader: glob({ pattern: `{${KIND_FOLDERS.join(',')}}/**/*.mdx`, base: pathToFileURL(`${contentDir()}/`) }),
	schema: documentSchema,
});

export const collections = { docs };
