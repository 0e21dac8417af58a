/**
 * Everything the readiness computation and the export read, straight from the content folder (no Astro build):
 * the facts, the documents, the records and the readiness policy, each through the same pre-build checks the site
 * build runs. Invalid content throws the checks' ContentError (every problem as file:line field: message).
 */
import { checkContent, type CheckOptions } from './check-content.ts';
import { checkRecords } from '../records/check.ts';
import type { CheckedDocument } from './frontmatter.ts';
import type { LoadedFacts } from '../facts/facts.ts';
import type { RecordSet } from '../records/schema.ts';
import type { Policy } from '../records/policy.ts';
import type { ReadinessDocument } from '../records/readiness.ts';

export interface ContentInputs {
	loaded: LoadedFacts;
	documents: CheckedDocument[];
	records: RecordSet;
	/** The readiness policy; undefined when the site has no policy file. */
	policy: Policy | undefined;
	/** The documents as the readiness computation takes them. */
	readinessDocuments: ReadinessDocument[];
}

/** `options`: the site's (checkOptionsFor(config)); policyFile default: policy.yaml in the content folder. */
export function readContentInputs(dir: string, options: CheckOptions = {}): ContentInputs {
	// Readiness and the export read the full front matter and facts.yaml: the strict profile's rules apply to them,
	// with the site's own kinds, defaults and fields.
	const { policyFile } = options;
	const { facts, documents } = checkContent(dir, { ...options, profile: 'strict', strictReview: false });
	const { records, policy } = checkRecords(dir, facts, documents, policyFile);
	const readinessDocuments = documents.map((d) => ({ id: d.source.id, data: d.data }));
	return { loaded: facts, documents, records, policy, readinessDocuments };
}
