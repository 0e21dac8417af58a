/**
 * The content-layer loader of one record collection: Astro's glob loader over content/records/<collection>/*.yaml,
 * the record id being the file name (as src/records/check.ts reads it). A new deployment has no records, which is
 * normal, so the glob loader's "No files found" warning is dropped instead of printed five times on every build.
 */
import config from 'virtual:opsbook/config';
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { RECORD_COLLECTIONS, type RecordCollection } from './schema.ts';

export function recordLoader(collection: RecordCollection): Loader {
	const inner = glob({
		pattern: '*.yaml',
		base: pathToFileURL(`${config.contentDir}/${RECORD_COLLECTIONS[collection].folder}/`),
		generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
	});
	return {
		name: 'opsbook-records',
		load: (context) => {
			const { logger } = context;
			const quiet = Object.create(logger) as typeof logger;
			quiet.warn = (message: string) => {
				if (!/No files found matching|does not exist/.test(message)) logger.warn(message);
			};
			return inner.load({ ...context, logger: quiet });
		},
	};
}
