/**
 * The readiness inputs as the site sees them: the record collections and the documents, straight from Astro's
 * content layer (validated by the same schemas the pre-build check uses), the policy file, and readiness computed
 * from them for the build's day. Pages call this; `opsbook verify` builds the same inputs from the files
 * (src/cli/commands/verify.ts).
 */
import path from 'node:path';
import config from 'virtual:opsbook/config';
import { getCollection } from 'astro:content';
import { RECORD_COLLECTION_NAMES, type RecordEntry, type RecordSet } from './schema.ts';
import { completeData } from '../core/document-schema.ts';
import { allDocs } from '../core/docs.ts';
import { ContentError } from '../core/errors.ts';
import { listRecordFiles } from './record-files.ts';
import { today } from '../core/dates.ts';
import { computeReadiness, type Readiness } from './readiness.ts';
import { readPolicyFile } from './policy-file.ts';
import type { Policy } from './policy.ts';
import { facts } from '../facts/site-facts.ts';

/** The content folder and the policy file as the repository shows them (`content`, `handbook/policy.yaml`). */
export const contentLabel = path.relative(config.root, config.contentDir) || '.';
export const policyLabel = path.relative(config.root, config.policyFile);

const read = readPolicyFile(config.policyFile, facts);
// The pre-build check already reported these with file and line; this only keeps a page from rendering a bad one.
if (read.problems.length) throw new ContentError(read.problems);
export const sitePolicy: Policy | undefined = read.policy;

export async function loadRecordSet(): Promise<RecordSet> {
	const present = new Set(
		listRecordFiles(config.contentDir)
			.filter((f) => f.file.endsWith('.yaml'))
			.map((f) => f.collection),
	);
	const entries = await Promise.all(
		RECORD_COLLECTION_NAMES.map(async (collection) => {
			// Astro warns about every empty collection it is asked for; a folder without records is the normal state.
			if (!present.has(collection)) return [collection, []] as const;
			const items = (await getCollection(collection)) as Array<{ id: string; data: unknown }>;
			const records = items.map((e) => ({ collection, id: e.id, data: e.data }) as RecordEntry);
			return [collection, records.sort((a, b) => a.id.localeCompare(b.id))] as const;
		}),
	);
	return Object.fromEntries(entries) as unknown as RecordSet;
}

export async function siteReadiness(): Promise<{ readiness: Readiness; records: RecordSet }> {
	const records = await loadRecordSet();
	const documents = (await allDocs()).flatMap((d) => {
		const data = completeData(d.data);
		return data ? [{ id: d.id, data }] : [];
	});
	const on = today(config.today);
	const readiness = computeReadiness({ documents, records, facts, policy: sitePolicy, today: on, contentLabel });
	return { readiness, records };
}
