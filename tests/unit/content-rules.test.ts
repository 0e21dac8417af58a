/**
 * Rules of the shipped handbook (issues #18 and #19) that can be checked by reading content/ directly: one source for
 * the severity rules, for who decides and approves, for the pod label model and the log schema; roles split so nobody
 * approves their own work; lastTested claims backed by records; no bridge PIN in the pages; outage alerts that fire
 * when there is nothing left to scrape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadFacts } from '../../src/facts/facts.ts';
import { listDocumentFiles, readSourceFile } from '../../src/core/content-files.ts';

const dir = path.resolve('content');
const { facts } = loadFacts(dir);
// The shapes these tests read are checked by the facts schema; here they are read loosely.
// biome-ignore lint/suspicious/noExplicitAny: test reads of optional facts sections
const f = facts as unknown as Record<string, any>;
const docs = listDocumentFiles(dir).map((file) => readSourceFile(dir, file));
const cards = fs
	.readdirSync(path.join(dir, 'cards'))
	.filter((n) => n.endsWith('.mdx'))
	.map((n) => ({ id: `cards/${n.replace(/\.mdx$/, '')}`, body: fs.readFileSync(path.join(dir, 'cards', n), 'utf8') }));
const pages = [...docs.map((d) => ({ id: d.id, body: d.body })), ...cards];
const doc = (id: string) => docs.find((d) => d.id === id)!;
const roleTitle = (key: string) => facts.roles[key]!.title.toLowerCase();

/** Fenced code blocks of a body, with the line they start on and their language. */
function codeBlocks(body: string): Array<{ lang: string; text: string; line: number }> {
	const out: Array<{ lang: string; text: string; line: number }> = [];
	const lines = body.split('\n');
	let open: { lang: string; line: number; body: string[] } | undefined;
	lines.forEach((l, i) => {
		if (!open) {
			const m = /^\s*`{3,}([\w-]*)\s*$/.exec(l);
			if (m) open = { lang: m[1]!, line: i, body: [] };
		} else if (/^\s*`{3,}\s*$/.test(l)) {
			out.push({ lang: open.lang, text: open.body.join('\n'), line: open.line });
			open = undefined;
		} else open.body.push(l);
	});
	return out;
}

/** The text between the previous heading (or the enclosing list item) and a line. */
function stepBefore(body: string, line: number): string {
	const lines = body.split('\n');
	const indent = lines[line]!.length - lines[line]!.trimStart().length;
	const taken: string[] = [];
	for (let i = line - 1; i >= 0; i--) {
		const l = lines[i]!;
		taken.push(l);
		if (/^#{1,6} /.test(l)) break;
		if (indent > 0 && /^\s*(\d+\.|-|\*) /.test(l) && l.length - l.trimStart().length < indent) break;
	}
	return taken.join('\n');
}

test('severity rules: the security and alert rules are facts, the levels they name exist', () => {
	const ids = new Set(facts.severities.map((s) => s.id));
	const ir = f.incidentResponse;
	for (const key of ['criticalAlertMinimumSeverity', 'securityEventSeverity', 'stoppedAbuseSeverity'])
		assert.ok(ids.has(ir[key]), `incidentResponse.${key}`);
	assert.ok(facts.roles[ir.securityDowngradeRole], 'incidentResponse.securityDowngradeRole is a role');
	const escalation = doc('procedures/escalation').body;
	for (const key of ['criticalAlertMinimumSeverity', 'securityEventSeverity', 'stoppedAbuseSeverity'])
		assert.match(escalation, new RegExp(`\\{facts\\.incidentResponse\\.${key}\\}`));
});

test('severity rules: no page sets the level of stopped abuse, or of a critical alert, by hand', () => {
	for (const p of pages) {
		p.body.split('\n').forEach((l, i) => {
			if (
				/(abuse[^.|]*stopped|stopped[^.|]*abuse|probe[^.|]*stopped|only rejections|nothing succeeded)/i.test(l) &&
				/\bSEV[1-4]\b/.test(l)
			) {
				assert.match(
					l,
					/\{facts\.incidentResponse\./,
					`${p.id}:${i + 1} states a level for stopped abuse without the facts rule: ${l}`,
				);
			}
			assert.doesNotMatch(l, /`critical`[^|\n]*\|\s*SEV2 High/, `${p.id}:${i + 1} maps every critical alert to SEV2`);
		});
	}
});

test('approvers: every decision names existing roles, and each rule names its deciding role', () => {
	for (const [name, d] of Object.entries(
		f.decisions as Record<string, { decides: string; informs?: string; rule: string }>,
	)) {
		assert.ok(facts.roles[d.decides], `decisions.${name}.decides`);
		if (d.informs) assert.ok(facts.roles[d.informs], `decisions.${name}.informs`);
		assert.ok(
			d.rule.toLowerCase().includes(roleTitle(d.decides)),
			`decisions.${name}.rule names the ${roleTitle(d.decides)}`,
		);
	}
	const escalation = doc('procedures/escalation').body;
	for (const name of Object.keys(f.decisions))
		assert.match(
			escalation,
			new RegExp(`\\{facts\\.decisions\\.${name}\\.rule\\}`),
			`decision authority quotes decisions.${name}`,
		);
});

test('approvers: blocking a customer or revoking its key is marked for the one deciding role, everywhere', () => {
	const who = roleTitle(f.decisions.blockCustomer.decides);
	for (const p of pages) {
		for (const b of codeBlocks(p.body)) {
			if (!/clients suspend|api-keys revoke/.test(b.text)) continue;
			const step = stepBefore(p.body, b.line);
			const marker = step.split('\n').find((l) => /\*\*Destructive/.test(l));
			assert.ok(marker, `${p.id}:${b.line + 1}: block or revoke without a Destructive marker`);
			assert.ok(
				step.toLowerCase().includes(who),
				`${p.id}:${b.line + 1}: the step does not name the ${who} as the one who decides`,
			);
		}
	}
});

test('approvers: on-call may roll back on any trigger, stated by the one rule', () => {
	for (const id of ['runbooks/deployment', 'runbooks/rollback', 'procedures/deployment-checklist']) {
		assert.match(doc(id).body, /\{facts\.decisions\.rollbackWithoutReleaseManager\.rule\}/, id);
	}
	for (const p of pages) assert.doesNotMatch(p.body, /first three triggers/i, p.id);
});

test('approvers: no gate is approved by a role that runs its items, and the checklist table says the same', () => {
	const table = doc('procedures/deployment-checklist').body;
	for (const [id, g] of Object.entries(f.gates as Record<string, { name: string; runs: string[]; approves: string }>)) {
		assert.ok(facts.roles[g.approves], `gates.${id}.approves`);
		for (const r of g.runs) assert.ok(facts.roles[r], `gates.${id}.runs ${r}`);
		assert.ok(!g.runs.includes(g.approves), `${id}: ${g.approves} approves items it runs`);
		const row = table.split('\n').find((l) => l.startsWith(`| ${id} `));
		assert.ok(row, `checklist has a row for ${id}`);
		const cells = row!.split('|').map((c) => c.trim().toLowerCase());
		assert.equal(cells[4], roleTitle(g.approves), `${id} approver in the checklist`);
		for (const r of g.runs) assert.ok(cells[3]!.includes(roleTitle(r)), `${id} runner ${r} in the checklist`);
	}
	// Who may accept a failed readiness criterion is the policy's (content/policy.yaml), in roles that exist.
	const policy = parse(fs.readFileSync(path.resolve('content/policy.yaml'), 'utf8')) as {
		riskAcceptance: { acceptedBy: string[] };
		criteria: Array<{ id: string; acceptedBy?: string[] }>;
	};
	for (const role of policy.riskAcceptance.acceptedBy)
		assert.ok(facts.roles[role], `riskAcceptance.acceptedBy ${role}`);
	assert.deepEqual(policy.criteria.find((c) => c.id === 'signoffs')?.acceptedBy, [], 'sign-offs can never be accepted');
	assert.equal(
		f.decisions.acceptRisk.decides,
		policy.riskAcceptance.acceptedBy[0],
		'the decision rule names the policy role',
	);
});

test('roles: split so nobody holds too much; every role has a different backup', () => {
	const primaries = new Map<string, string[]>();
	const slots = new Map<string, number>();
	for (const [key, role] of Object.entries(facts.roles)) {
		assert.ok(role.backup, `${key} has a backup`);
		assert.notEqual(role.backup, role.primary, `${key}: backup differs from primary`);
		primaries.set(role.primary, [...(primaries.get(role.primary) ?? []), key]);
		for (const p of [role.primary, role.backup!]) slots.set(p, (slots.get(p) ?? 0) + 1);
	}
	for (const [person, roles] of primaries)
		assert.equal(roles.length, 1, `${person} is primary for ${roles.join(', ')}`);
	for (const [person, n] of slots) assert.ok(n <= 3, `${person} holds ${n} roles`);
});

test('label model: one set of selectors, from the facts, in every command', () => {
	const pl = f.podLabels;
	assert.equal(pl.all, `app=${pl.app}`);
	assert.equal(pl.stable, `app=${pl.app},track=${pl.stableTrack}`);
	assert.equal(pl.canary, `app=${pl.app},track=${pl.canaryTrack}`);
	assert.equal(pl.quarantined, `app=${pl.quarantineApp}`);
	assert.notEqual(pl.quarantineApp, pl.app, 'quarantine changes app, so the Service lets the pod go');
	for (const p of pages) {
		assert.doesNotMatch(
			p.body,
			/-l app=|app=quarantined|app: quarantined|app=\{facts\.service\./,
			`${p.id} uses a label outside the model`,
		);
		for (const b of codeBlocks(p.body)) {
			for (const m of b.text.matchAll(/(?:kubectl|\$K|^\s*k)\b[^\n]*?\s-l\s+(\S+)/gm))
				assert.match(m[1]!, /^\{facts\.podLabels\.\w+\}$/, `${p.id}:${b.line + 1}: kubectl -l ${m[1]}`);
			if (/kind: NetworkPolicy/.test(b.text))
				assert.match(
					b.text,
					/\{facts\.podLabels\.quarantineApp\}/,
					`${p.id}: quarantine policy selects the quarantine label`,
				);
		}
	}
});

test('log schema: one list of fields, the troubleshooting runbook says the same, queries use nothing else', () => {
	const ls = f.logSchema as { labels: string[]; fields: string[] };
	const prose = /only these fields exist: ([\s\S]*?)\. The list is/.exec(doc('runbooks/troubleshooting').body);
	assert.ok(prose, 'troubleshooting lists the fields');
	assert.deepEqual(
		[...prose![1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]),
		ls.fields,
	);
	for (const bad of ['msg', 'code', 'path', 'app']) assert.ok(!ls.fields.includes(bad), `${bad} is not a field`);
	for (const [name, q] of Object.entries(f.logQueries as Record<string, string>)) {
		if (!/\| json/.test(q) || /kube-audit/.test(q)) continue;
		const after = q.slice(q.indexOf('| json'));
		for (const m of after.matchAll(/\|\s*(\w+)\s*(=~|!=|!~|=|>|<)/g))
			assert.ok(ls.fields.includes(m[1]!) || ls.labels.includes(m[1]!), `logQueries.${name} filters on ${m[1]}`);
		for (const m of q.matchAll(/by \(([^)]*)\)/g))
			for (const l of m[1]!.split(',').map((s) => s.trim()))
				assert.ok(ls.fields.includes(l) || ls.labels.includes(l), `logQueries.${name} groups by ${l}`);
	}
});

test('lastTested: a rehearsal, game day or production claim has a record behind it', () => {
	const rehearsals = readRecords('rehearsals');
	const training = readRecords('training');
	for (const d of docs) {
		const tested = parse(d.frontmatter).lastTested as { date: string | Date; method: string };
		const day = typeof tested.date === 'string' ? tested.date : tested.date.toISOString().slice(0, 10);
		if (tested.method === 'rehearsal')
			assert.ok(
				rehearsals.some((r) => String(r.date).slice(0, 10) === day),
				`${d.id}: rehearsal on ${day} without a record in records/rehearsals/`,
			);
		if (tested.method === 'game-day')
			assert.ok(
				training.some((r) => String(r.date).slice(0, 10) === day && (r.exercises ?? []).includes(d.id)),
				`${d.id}: game day on ${day} without a training record`,
			);
	}
});

test('no phone bridge PIN or dial-in in the pages: a role to call instead', () => {
	const bridge = f.channels.outOfBandBridge as string;
	assert.doesNotMatch(bridge, /\d{3}-\d{4}|PIN/i);
	assert.ok(facts.roles[f.channels.outOfBandBridgeHost], 'channels.outOfBandBridgeHost is a role');
	for (const p of pages) assert.doesNotMatch(p.body, /PIN \d+/, p.id);
});

test('outage alerts fire with nothing left to scrape; aggregate equality has absent() or vector(0)', () => {
	assert.match(facts.alerts.UploadsApiDown!.expr, /absent\(up\{job="uploads-api"\}\)/);
	for (const name of ['UploadsApiProbeFailing', 'UploadsLbNoHealthyTargets'])
		assert.match(facts.alerts[name]!.expr, /absent\(/, name);
	assert.ok(!/job="uploads-api"/.test(facts.alerts.UploadsCertificateExpiry!.expr), 'the probe has its own job');
	for (const [name, a] of Object.entries(facts.alerts)) {
		if (/\b(sum|count|min|max)\b[^=]*==/.test(a.expr)) assert.match(a.expr, /absent\(|vector\(0\)/, name);
		for (const m of a.expr.matchAll(/\b(?:rate|increase|irate)\((\w+)/g))
			assert.match(m[1]!, /_(total|count|sum|bucket)$/, `${name}: rate on ${m[1]}`);
	}
	const critical = Object.entries(facts.alerts)
		.filter(([, a]) => a.severity === 'critical')
		.map(([n]) => n);
	for (const twin of ['UploadsApiLatencyCritical', 'UploadsScanDelayCritical', 'UploadsDbConnectionsCritical'])
		assert.ok(critical.includes(twin), `${twin} pages`);
});

function readRecords(collection: string): Array<Record<string, any>> {
	const folder = path.join(dir, 'records', collection);
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder)
		.filter((n) => n.endsWith('.yaml'))
		.map((n) => parse(fs.readFileSync(path.join(folder, n), 'utf8')) as Record<string, any>);
}
