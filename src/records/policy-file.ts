/** Reading the policy file (config `policy`, default content/policy.yaml); ./policy.ts parses and checks it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Facts } from '../facts/schema.ts';
import { parsePolicy, type PolicyResult } from './policy.ts';

/** The policy, or none when the file does not exist: a site without one is simply never ready (NO-GO, saying why). */
export function readPolicyFile(file: string, facts: Facts): PolicyResult & { exists: boolean } {
	if (!fs.existsSync(file)) return { exists: false, problems: [] };
	return { exists: true, ...parsePolicy(fs.readFileSync(file, 'utf8'), file, facts) };
}

/** Where the policy is when the config does not say (`policy: 'policy.yaml'`, relative to the content folder). */
export function defaultPolicyFile(contentDir: string): string {
	return path.join(contentDir, 'policy.yaml');
}
