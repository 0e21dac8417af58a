/** Record files on disk (content/records/<collection>/*.yaml), read directly for checks and commands outside Astro. */
import { readText } from '../core/text-input.ts';
import fs from 'node:fs';
import path from 'node:path';
import { RECORD_COLLECTIONS, RECORD_COLLECTION_NAMES, type RecordCollection } from './schema.ts';

export interface RecordFile {
	collection: RecordCollection;
	/** Absolute path. */
	file: string;
	/** File name without `.yaml`: the record's id, the same id the content collection gives it. */
	id: string;
	text: string;
}

/** Every `.yaml` file of every record collection, sorted; `.yml` files are listed too so the check can name them. */
export function listRecordFiles(dir: string): RecordFile[] {
	return RECORD_COLLECTION_NAMES.flatMap((collection) => {
		const root = path.join(dir, RECORD_COLLECTIONS[collection].folder);
		if (!fs.existsSync(root)) return [];
		return (fs.readdirSync(root, { withFileTypes: true }) as fs.Dirent[])
			.filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
			.map((d) => d.name)
			.sort()
			.map((name) => {
				const file = path.join(root, name);
				return { collection, file, id: name.replace(/\.ya?ml$/, ''), text: readText(file) };
			});
	});
}

/** A record id is its file name; it appears in URLs and anchors, so it is kept to a safe alphabet. */
export const RECORD_ID = /^[a-z0-9][a-z0-9._-]*$/;
