/**
 * A deterministic generator of runbook-shaped documents for the benchmark, as `.md`, `.mdx` or a mix: full metadata,
 * 3-6 sections, numbered steps with shell commands, a GFM table, a task list in three documents of four, links to
 * other generated documents, fact references, and a Mermaid flowchart in one document out of ten. `.mdx` documents
 * also place Opsbook's components as the handbook does (<Contacts roles={…} />, <SeverityMatrix />); `.md` ones
 * cannot. A few quick-reference cards summarise generated runbooks, so the card PDF step has work to time.
 *
 * buildCorpus() is pure (the files as text); writeCorpus() puts them in a folder outside content/, never into it.
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

export const FORMATS = ['md', 'mdx', 'mixed'] as const;
export type CorpusFormat = (typeof FORMATS)[number];

/**
 * The fact the "warm after a fact change" run edits. It is kept out of the random fact references and used by one
 * document in ten only, so a build that re-renders just the documents using a fact has a tenth of the work.
 */
export const CHANGED_FACT = ['limits', 'maxUploadSizeMB'] as const;
const CHANGED_FACT_EVERY = 10;
const CHANGED_FACT_OFFSET = 5; // never a document with a diagram (those are i % 10 === 0)

export interface CorpusOptions {
	pages: number;
	format?: CorpusFormat;
	seed?: number;
	diagramEvery?: number;
}

export interface CorpusDoc {
	id: string;
	/** Path under the content folder, with its extension. */
	file: string;
	format: 'md' | 'mdx';
	kind: Kind;
	diagram: boolean;
	taskList: boolean;
	/** Uses CHANGED_FACT. */
	usesChangedFact: boolean;
	/** The Opsbook components an .mdx document places. */
	components: string[];
}

export interface Corpus {
	/** Every generated file, by path under the content folder (documents, cards, facts.yaml), in writing order. */
	files: Map<string, string>;
	/** The documents, the generated ones first (in order), then the alert entries. */
	docs: CorpusDoc[];
	cards: string[];
	diagrams: number;
	counts: { md: number; mdx: number };
	changedFact: { path: readonly string[]; value: number };
}

/** Kind mix of a real handbook: mostly runbooks, then procedures, playbooks, templates, training. */
function kindFor(i: number): Kind {
	const slot = i % 20;
	if (slot < 11) return 'runbook';
	if (slot < 15) return 'procedure';
	if (slot < 18) return 'playbook';
	return slot === 18 ? 'template' : 'training';
}

/** "mixed" is two .md documents for one .mdx, spread evenly (so diagrams and kinds fall in both formats). */
export function formatFor(i: number, format: CorpusFormat): 'md' | 'mdx' {
	if (format !== 'mixed') return format;
	return i % 3 === 2 ? 'mdx' : 'md';
}

/** One card per hundred documents, at most 20: a real handbook prints a dozen, not one per page. */
export const cardCount = (pages: number) => Math.min(20, Math.ceil(pages / 100));

export function buildCorpus(
	facts: Facts,
	factsYaml: string,
	{ pages, format = 'mixed', seed = 42, diagramEvery = 10 }: CorpusOptions,
): Corpus {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
	const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const roles = Object.keys(facts.roles);
	const alerts = Object.keys(facts.alerts);
	const envKeys = Object.keys(Object.values(facts.environments)[0] ?? {}).filter(
		(k) => typeof (Object.values(facts.environments)[0] as Record<string, unknown>)[k] === 'string',
	);
	const limits = (facts as Record<string, Record<string, unknown>>).limits ?? {};
	const limitKeys = Object.keys(limits).filter((k) => k !== CHANGED_FACT[1]);
	const changedRef = `{facts.${CHANGED_FACT.join('.')}}`;

	const files = new Map<string, string>();
	const width = Math.max(4, String(pages - 1).length);
	const ids = Array.from(
		{ length: pages },
		(_, i) => `${KINDS[kindFor(i)].folder}/generated-${String(i).padStart(width, '0')}`,
	);
	const docs: CorpusDoc[] = [];
	let diagrams = 0;

	ids.forEach((id, i) => {
		const kind = kindFor(i);
		const docFormat = formatFor(i, format);
		const required = REQUIRED_SECTIONS[kind].map((r) => r.name);
		const extra = Math.max(0, 3 + Math.floor(rand() * 4) - required.length);
		const sections = [
			...required,
			...Array.from({ length: extra }, (_, n) => `${pick(VERBS)} the ${words(2)} ${n + 1}`),
		];
		const link = (n: number) => `/${ids[(i + n) % ids.length]}/`;
		const hasDiagram = i % diagramEvery === 0;
		// One document in four has no task list: pages without a checklist load less JavaScript, and both are measured.
		// Shifted every ten documents, so that some documents with a diagram have none either.
		const hasTaskList = (i + Math.floor(i / 10)) % 4 !== 3;
		const usesChangedFact = i % CHANGED_FACT_EVERY === CHANGED_FACT_OFFSET;
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
			if (s === 0) {
				parts.push(
					'| Signal | Threshold | Window |',
					'| --- | --- | --- |',
					...Array.from({ length: 4 }, () => `| ${words(2)} | ${fact()} | 5m |`),
					'',
				);
				if (usesChangedFact) parts.push(`Uploads larger than ${changedRef} MB are rejected before scanning.`, '');
			}
			if (s === 1 && hasTaskList)
				parts.push(...Array.from({ length: 4 }, () => `- [ ] ${pick(VERBS)} ${words(4)}`), '');
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
		// As the handbook places them: the severity matrix where a procedure or playbook sets a level, contacts last.
		// Chosen by position, not by the random stream, so the same document reads the same in every format.
		const components: string[] = [];
		if (docFormat === 'mdx') {
			if (kind === 'procedure' || kind === 'playbook') {
				components.push('SeverityMatrix');
				body.push('## Severity levels\n\nSet the level by customer impact now.\n\n<SeverityMatrix />\n');
			}
			const contacts = [0, 1, 2].map((n) => JSON.stringify(roles[(i + n) % roles.length]));
			components.push('Contacts');
			body.push(`## Contacts\n\n<Contacts roles={[${contacts.join(', ')}]} />\n`);
		}
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
		const file = `${id}.${docFormat}`;
		files.set(file, `${frontmatter}${body.join('\n')}`);
		docs.push({
			id,
			file,
			format: docFormat,
			kind,
			diagram: hasDiagram,
			taskList: hasTaskList,
			usesChangedFact,
			components,
		});
	});

	// Every alert needs a runbook entry: one generated troubleshooting runbook holds them all (.md unless all is MDX).
	const troubleFormat = format === 'mdx' ? 'mdx' : 'md';
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
	const troubleId = 'runbooks/alert-entries';
	files.set(`${troubleId}.${troubleFormat}`, trouble);
	docs.push({
		id: troubleId,
		file: `${troubleId}.${troubleFormat}`,
		format: troubleFormat,
		kind: 'runbook',
		diagram: false,
		taskList: false,
		usesChangedFact: false,
		components: [],
	});

	// Cards summarise the first runbooks. Short: a card must fit on a 5x3 in index card, and names no environment.
	const runbooks = docs.filter((d) => d.kind === 'runbook' && d.id !== troubleId);
	const cards = runbooks.slice(0, cardCount(pages)).map((doc, n) => {
		const id = `generated-card-${String(n).padStart(2, '0')}`;
		files.set(
			`cards/${id}.mdx`,
			[
				'---',
				`title: Card ${n} for ${doc.id.split('/')[1]}`,
				`summarises: ${doc.id}`,
				`audience: [${roles[n % roles.length]}]`,
				`order: ${n}`,
				'---',
				'',
				`**When:** uploads over {facts.limits.${limitKeys[n % Math.max(1, limitKeys.length)] ?? 'maxUploadSizeMB'}} fail.`,
				'',
				'1. Check the rollout and the pods:',
				'   ```bash',
				'   kubectl -n {facts.environments.production.namespace} rollout status deploy/{facts.service.deployment}',
				'   ```',
				`2. Still failing after 10 min: page the ${roles[(n + 1) % roles.length]}.`,
				'',
			].join('\n'),
		);
		return id;
	});

	// The real facts, with home entry points aimed at generated documents, and the changed fact where the run expects it.
	const doc = parseDocument(factsYaml);
	// A corpus under 12 documents has no procedure: any document will do then.
	const first = (kind: Kind) => ids.find((x) => x.startsWith(`${KINDS[kind].folder}/`)) ?? ids[0]!;
	doc.setIn(['site', 'home'], {
		incident: ['playbooks'],
		deploy: [first('procedure'), first('runbook')],
		rollback: [first('runbook')],
		escalate: [first('procedure')],
	});
	const current = doc.getIn([...CHANGED_FACT]);
	const value = typeof current === 'number' ? current : 25;
	doc.setIn([...CHANGED_FACT], value);
	files.set('facts.yaml', doc.toString());

	const mdx = docs.filter((d) => d.format === 'mdx').length;
	return {
		files,
		docs,
		cards,
		diagrams,
		counts: { md: docs.length - mdx, mdx },
		changedFact: { path: CHANGED_FACT, value },
	};
}

/** Replaces `dir` with the corpus. */
export function writeCorpus(dir: string, corpus: Corpus): void {
	fs.rmSync(dir, { recursive: true, force: true });
	for (const [rel, text] of corpus.files) {
		const file = path.join(dir, rel);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
	}
}

/** The one-line edit of the first warm rebuild: a sentence appended to the document. */
export const editedText = (text: string) => `${text}\nOne more line for the warm rebuild.\n`;

/** facts.yaml with CHANGED_FACT one higher: the edit of the second warm rebuild. */
export function changedFactsYaml(factsYaml: string, corpus: Pick<Corpus, 'changedFact'>): string {
	const doc = parseDocument(factsYaml);
	doc.setIn([...corpus.changedFact.path], corpus.changedFact.value + 1);
	return doc.toString();
}
