/**
 * A deterministic generator of runbook-shaped MDX documents for the benchmark: full metadata, 3-6 sections,
 * numbered steps with shell commands, a GFM table, a task list, links to other generated documents, fact references,
 * and a Mermaid flowchart in one document out of ten. Written to a folder outside content/, never into it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Facts } from '../facts/schema.ts';
import { REQUIRED_SECTIONS } from '../core/required-sections.ts';
import { KINDS, type Kind } from '../core/kinds.ts';

/** mulberry32: tiny, fast, good enough to make a corpus that is identical on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS =
	'pod node queue upload scanner bucket replica latency error budget rollout canary probe target drain quota token cache index shard lease backlog timeout retry circuit breaker pool connection ingress certificate secret config volume snapshot restore migration schema baseline dashboard alert threshold window'.split(
		' ',
	);
const VERBS =
	'Check Confirm Drain Restart Scale Inspect Compare Record Verify Roll Pause Resume Export Annotate Page'.split(' ');

export interface CorpusOptions {
	pages: number;
	seed?: number;
	diagramEvery?: number;
}
export interface Corpus {
	dir: string;
	ids: string[];
	diagrams: number;
}

/** Kind mix of a real handbook: mostly runbooks, then procedures, playbooks, templates, training. */
function kindFor(i: number): Kind {
	const slot = i % 20;
	if (slot < 11) return 'runbook';
	if (slot < 15) return 'procedure';
	if (slot < 18) return 'playbook';
	return slot === 18 ? 'template' : 'training';
}

export function generateCorpus(
	dir: string,
	facts: Facts,
	factsYaml: string,
	{ pages, seed = 42, diagramEvery = 10 }: CorpusOptions,
): Corpus {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
	const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const roles = Object.keys(facts.roles);
	const alerts = Object.keys(facts.alerts);
	const envKeys = Object.keys(Object.values(facts.environments)[0] ?? {}).filter(
		(k) => typeof (Object.values(facts.environments)[0] as Record<string, unknown>)[k] === 'string',
	);
	const limitKeys = Object.keys((facts as Record<string, Record<string, unknown>>).limits ?? {});

	fs.rmSync(dir, { recursive: true, force: true });
	const ids = Array.from(
		{ length: pages },
		(_, i) => `${KINDS[kindFor(i)].folder}/generated-${String(i).padStart(4, '0')}`,
	);
	let diagrams = 0;

	ids.forEach((id, i) => {
		const kind = kindFor(i);
		const required = REQUIRED_SECTIONS[kind].map((r) => r.name);
		const extra = Math.max(0, 3 + Math.floor(rand() * 4) - required.length);
		const sections = [
			...required,
			...Array.from({ length: extra }, (_, n) => `${pick(VERBS)} the ${words(2)} ${n + 1}`),
		];
		const link = (n: number) => `/${ids[(i + n) % ids.length]}/`;
		const hasDiagram = i % diagramEvery === 0;
		if (hasDiagram) diagrams++;
		const fact = () => (limitKeys.length ? `{facts.limits.${pick(limitKeys)}}` : '{facts.site.title}');

		const body = sections.map((title, s) => {
			const steps = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, n) =>
				[
					`${n + 1}. ${pick(VERBS)} the ${words(3)} (limit ${fact()}).`,
					'',
					'   ```bash',
					`   kubectl --context {env.${pick(envKeys)}} -n {env.namespace} get ${pick(['pods', 'deploy', 'hpa', 'events'])} -l app=${pick(WORDS)}`,
					'   ```',
					'',
					`   Expected: ${words(6)}. If not: see [${words(2)}](${link(n + 1)}).`,
				].join('\n'),
			);
			const parts = [
				`## ${title}`,
				'',
				`${pick(VERBS)} ${words(18)}. Related: [${words(2)}](${link(s + 7)}).`,
				'',
				...steps,
				'',
			];
			if (s === 0)
				parts.push(
					'| Signal | Threshold | Window |',
					'| --- | --- | --- |',
					...Array.from({ length: 4 }, () => `| ${words(2)} | ${fact()} | 5m |`),
					'',
				);
			if (s === 1) parts.push(...Array.from({ length: 4 }, () => `- [ ] ${pick(VERBS)} ${words(4)}`), '');
			if (s === 2 && hasDiagram) {
				parts.push(
					'```mermaid',
					'flowchart TD',
					`  accTitle: Decision for document ${i}`,
					`  accDescr: Generated flowchart number ${diagrams}`,
					`  A["${pick(VERBS)} ${words(2)} ${i}?"] -->|yes| B["${words(2)}"]`,
					`  A -->|no| C["${words(3)}"]`,
					`  B --> D["${words(2)} ${fact()}"]`,
					'  C --> D',
					`  click B "${link(3)}"`,
					'```',
					'',
				);
			}
			return parts.join('\n');
		});
		const frontmatter = [
			'---',
			`title: ${pick(VERBS)} ${words(3)} ${i}`,
			`description: Generated ${kind} number ${i} about ${words(8)}.`,
			`kind: ${kind}`,
			`owner: { team: Platform SRE, role: ${pick(roles)} }`,
			'service: uploads-api',
			'status: active',
			`lastReviewed: 2026-${String(1 + (i % 11)).padStart(2, '0')}-15`,
			'reviewEvery: 365',
			`lastTested: { date: 2026-10-${String(1 + (i % 28)).padStart(2, '0')}, method: ${pick(['rehearsal', 'game-day', 'tabletop', 'production'])} }`,
			`duration: ${5 + Math.floor(rand() * 90)}`,
			`alerts: [${pick(alerts)}]`,
			`related: [${ids[(i + 1) % ids.length]}]`,
			`tags: [${pick(WORDS)}, generated]`,
			`order: ${i}`,
			'---',
			'',
		].join('\n');
		const file = path.join(dir, `${id}.mdx`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, `${frontmatter}${body.join('\n')}`);
	});

	// Every alert needs a runbook entry: one generated troubleshooting runbook holds them all.
	const trouble = [
		'---',
		'title: Alert entries',
		'description: One section per alert, generated for the benchmark.',
		'kind: runbook',
		`owner: { team: Platform SRE, role: ${roles[0]} }`,
		'service: uploads-api',
		'status: active',
		'lastReviewed: 2026-11-01',
		'reviewEvery: 365',
		'lastTested: { date: 2026-11-01, method: rehearsal }',
		'duration: 30',
		'---',
		'',
		...REQUIRED_SECTIONS.runbook.map((r) => `## ${r.name}\n\nText.\n`),
		'## Alerts',
		'',
		...alerts.map((a) => `### ${a}\n\n{facts.alerts.${a}.summary}\n`),
	].join('\n');
	fs.writeFileSync(path.join(dir, 'runbooks', 'alert-entries.mdx'), trouble);
	ids.push('runbooks/alert-entries');

	// The real facts, with home entry points aimed at generated documents.
	const doc = parseDocument(factsYaml);
	const first = (kind: Kind) => ids.find((x) => x.startsWith(`${KINDS[kind].folder}/`))!;
	doc.setIn(['site', 'home'], {
		incident: ['playbooks'],
		deploy: [first('procedure'), first('runbook')],
		rollback: [first('runbook')],
		escalate: [first('procedure')],
	});
	fs.writeFileSync(path.join(dir, 'facts.yaml'), doc.toString());
	return { dir, ids, diagrams };
}
