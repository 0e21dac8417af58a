/**
 * The secret scanner (src/core/secrets.ts): what it catches and where, what it leaves alone, and the reviewed
 * allow-list. Every "secret" here is made up; the long ones are built from repeats so nobody mistakes them for real.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALLOWLIST_FILE, checkSecrets, DETECTORS, findSecrets, loadAllowList } from '../../src/core/secrets.ts';

const GITHUB_CLASSIC = `ghp_${'A1b2'.repeat(9)}`;
const GITHUB_FINE = `github_pat_${'11AB_cd34'.repeat(5)}`;
const GOOGLE_KEY = `AIza${'Sy-_0'.repeat(7)}`;
const STRIPE_LIVE = `sk_live_${'0a1B'.repeat(6)}`;
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMtYm90In0.c2lnbmF0dXJlLW5vdC1yZWFs';

/** Each kind on the second line of a small file: the hit's line, column (1-based) and text. */
const KINDS: Array<{ detector: string; line: string; column: number; text: string }> = [
	{
		detector: 'private key',
		line: '-----BEGIN RSA PRIVATE KEY-----',
		column: 1,
		text: '-----BEGIN RSA PRIVATE KEY-----',
	},
	{
		detector: 'private key',
		line: '  -----BEGIN OPENSSH PRIVATE KEY-----',
		column: 3,
		text: '-----BEGIN OPENSSH PRIVATE KEY-----',
	},
	{ detector: 'private key', line: '-----BEGIN PRIVATE KEY-----', column: 1, text: '-----BEGIN PRIVATE KEY-----' },
	{
		detector: 'private key',
		line: '-----BEGIN ENCRYPTED PRIVATE KEY-----',
		column: 1,
		text: '-----BEGIN ENCRYPTED PRIVATE KEY-----',
	},
	{
		detector: 'AWS access key id',
		line: 'Use key AKIAQWERTYUIOPASDFGH to undo.',
		column: 9,
		text: 'AKIAQWERTYUIOPASDFGH',
	},
	{ detector: 'AWS access key id', line: 'temporary: ASIAQWERTYUIOPASDFGH', column: 12, text: 'ASIAQWERTYUIOPASDFGH' },
	{
		detector: 'AWS secret access key',
		line: `aws_secret_access_key = ${AWS_SECRET}`,
		column: 1,
		text: `aws_secret_access_key = ${AWS_SECRET}`,
	},
	{
		detector: 'AWS secret access key',
		line: `  "AWS_SECRET_ACCESS_KEY": "${AWS_SECRET}"`,
		column: 4,
		text: `AWS_SECRET_ACCESS_KEY": "${AWS_SECRET}`,
	},
	{ detector: 'GitHub token', line: `Authorization: Bearer ${GITHUB_CLASSIC}`, column: 23, text: GITHUB_CLASSIC },
	{ detector: 'GitHub token', line: `GH=${GITHUB_FINE}`, column: 4, text: GITHUB_FINE },
	{
		detector: 'Slack token',
		line: 'webhook via xoxb-2048-4096-AbCdEfGhIj',
		column: 13,
		text: 'xoxb-2048-4096-AbCdEfGhIj',
	},
	{ detector: 'Google API key', line: `maps ${GOOGLE_KEY}`, column: 6, text: GOOGLE_KEY },
	{ detector: 'Stripe live key', line: `STRIPE=${STRIPE_LIVE}`, column: 8, text: STRIPE_LIVE },
	{ detector: 'Stripe live key', line: `rk_live_${'x9'.repeat(12)}`, column: 1, text: `rk_live_${'x9'.repeat(12)}` },
	{ detector: 'JSON Web Token', line: `curl -H "Authorization: Bearer ${JWT}"`, column: 32, text: JWT },
	{
		detector: 'password in URL',
		line: '`psql postgres://admin:hunter2hunter2@db/app`',
		column: 7,
		text: 'postgres://admin:hunter2hunter2@',
	},
	{ detector: 'password in URL', line: 'https://bot:p4ss@git.example.com/', column: 1, text: 'https://bot:p4ss@' },
	{ detector: 'password assignment', line: 'password: hunter2hunter2', column: 1, text: 'password: hunter2hunter2' },
	{
		detector: 'password assignment',
		line: 'set api_key="0123456789abcdef"',
		column: 5,
		text: 'api_key="0123456789abcdef',
	},
	{ detector: 'password assignment', line: '{ "secret": "s3cr3t-value" }', column: 4, text: 'secret": "s3cr3t-value' },
	{ detector: 'password assignment', line: 'mysql -u root --pwd=correcthorse', column: 17, text: 'pwd=correcthorse' },
	{
		detector: 'password assignment',
		line: 'API-KEY = abcdefgh12345678',
		column: 1,
		text: 'API-KEY = abcdefgh12345678',
	},
];

test('each kind of secret is found at its line and column', () => {
	for (const k of KINDS) {
		const hits = findSecrets('doc.mdx', `first line\n${k.line}\nlast line`);
		assert.deepEqual(
			hits,
			[{ file: 'doc.mdx', line: 2, column: k.column, detector: k.detector, text: k.text }],
			k.line,
		);
	}
	const covered = new Set(KINDS.map((k) => k.detector));
	assert.deepEqual(
		DETECTORS.filter((d) => !covered.has(d.name)).map((d) => d.name),
		[],
		'every detector has a case',
	);
});

test('near-misses are not flagged', () => {
	const lines = [
		'-----BEGIN PUBLIC KEY-----',
		'-----BEGIN CERTIFICATE-----',
		'-----BEGIN PGP SIGNATURE-----',
		'AKIA1234',
		'akiaqwertyuiopasdfgh',
		'XAKIAQWERTYUIOPASDFGH',
		'AKIAQWERTYUIOPASDFGHJ',
		'aws_secret_access_key = tooShort',
		`ghp_${'a'.repeat(35)}`,
		'xoxb-123',
		`sk_test_${'0a1B'.repeat(6)}`,
		`AIza${'b'.repeat(34)}`,
		'eyJhbGciOiJIUzI1NiJ9',
		'https://ops.example.com:8443/runbooks/',
		'ssh://git@git.example.com:22/platform/uploads-api',
		'postgres://admin@db.example.com/app',
		'password: short',
		'Rotate the password every 90 days.',
		'The token: ask the on-call lead.',
		'tokens: 12',
		'read the secret from the vault',
	];
	for (const line of lines) assert.deepEqual(findSecrets('doc.mdx', line), [], line);
});

test('placeholders and fact references are not flagged', () => {
	const lines = [
		'password: $DB_PASSWORD',
		// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, as written in a runbook
		'password: ${DB_PASSWORD}',
		'password: "{facts.database.passwordLocation}"',
		'token: {env.smokeToken}',
		'password=<your-password-here>',
		'api_key: [from-the-vault]',
		'password: ********',
		'token: xxxxxxxxxxxx',
		'token: REDACTED',
		'secret: changeme123',
		'password: example-password',
		'password: placeholder',
		'password: password',
		'psql postgres://admin:$PGPASSWORD@db/app',
		'https://user:<password>@host.example.com/',
		'https://user:****@host.example.com/',
		'https://user:{env.password}@host.example.com/',
	];
	for (const line of lines) assert.deepEqual(findSecrets('doc.mdx', line), [], line);
});

test('every secret on a line is found: a first match cannot hide a second', () => {
	const twoKeys = findSecrets('doc.mdx', 'old AKIAIOSFODNN7EXAMPLE, new AKIAQWERTYUIOPASDFGH');
	assert.deepEqual(
		twoKeys.map((h) => [h.column, h.text]),
		[
			[5, 'AKIAIOSFODNN7EXAMPLE'],
			[31, 'AKIAQWERTYUIOPASDFGH'],
		],
	);
	const afterPlaceholder = findSecrets('doc.mdx', 'password=$PW then password=hunter2hunter2');
	assert.deepEqual(
		afterPlaceholder.map((h) => [h.column, h.text]),
		[[19, 'password=hunter2hunter2']],
	);
});

test('a value can look like two kinds at once: both are reported', () => {
	const hits = findSecrets('doc.mdx', `token: ${GITHUB_CLASSIC}`);
	assert.deepEqual(hits.map((h) => [h.detector, h.column]).sort(), [
		['GitHub token', 8],
		['password assignment', 1],
	]);
});

test('MDX: lines count from the top of the file, frontmatter, code blocks and JSX included', () => {
	const mdx = [
		'---', // 1
		'title: Rotate credentials', // 2
		'password: hunter2hunter2', // 3
		'---', // 4
		'', // 5
		'## Steps', // 6
		'', // 7
		'```bash', // 8
		'export AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH', // 9
		'```', // 10
		'', // 11
		`<Command token="${'tok3n'.repeat(3)}" />`, // 12
	].join('\n');
	assert.deepEqual(
		findSecrets('runbooks/rotate.mdx', mdx).map((h) => `${h.line}:${h.column} ${h.detector}`),
		['3:1 password assignment', '9:26 AWS access key id', '12:10 password assignment'],
	);
});

test('YAML: nested keys, quoted values and block scalars', () => {
	const yaml = [
		'service:', // 1
		'  name: Uploads API', // 2
		`  mapsKey: "${GOOGLE_KEY}"`, // 3
		'  database:', // 4
		'    url: postgres://uploads:Tr0ub4dor3@db.internal/uploads', // 5
		'    password: $UPLOADS_DB_PASSWORD', // 6
		'  tls:', // 7
		'    key: |', // 8
		'      -----BEGIN EC PRIVATE KEY-----', // 9
	].join('\r\n');
	assert.deepEqual(
		findSecrets('facts.yaml', yaml).map((h) => `${h.line}:${h.column} ${h.detector}`),
		['3:13 Google API key', '5:10 password in URL', '9:7 private key'],
	);
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-secrets-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** A throwaway content folder with these files (relative path → text). */
function contentDir(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(work, 'content-'));
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

const allowEntry = (file: string, match: string) =>
	[
		`- file: ${file}`,
		`  match: ${match}`,
		'  reason: The documented example key from AWS, not a real credential.',
		'  reviewedBy: security-lead',
		'  reviewed: 2026-11-20',
		'',
	].join('\n');

test('checkSecrets: one problem per hit, with file, line, column and a redacted excerpt', () => {
	const dir = contentDir({
		'facts.yaml': 'site:\n  title: Ops\n  token: hunter2hunter2\n',
		'runbooks/deploy.mdx': '---\ntitle: Deploy\n---\n\nUse key AKIAQWERTYUIOPASDFGH to undo.\n',
	});
	const files = [path.join(dir, 'facts.yaml'), path.join(dir, 'runbooks/deploy.mdx')];
	const problems = checkSecrets(dir, files);
	assert.deepEqual(
		problems.map(({ file, line, column, field }) => ({ file: path.relative(dir, file), line, column, field })),
		[
			{ file: 'facts.yaml', line: 3, column: 3, field: 'secret' },
			{ file: path.join('runbooks', 'deploy.mdx'), line: 5, column: 9, field: 'secret' },
		],
	);
	assert.match(problems[0]!.message, /^looks like a password assignment \("token: h…r2"\)\. Remove it/);
	assert.match(problems[1]!.message, /^looks like a AWS access key id \("AKIAQWER…GH"\)/);
	assert.ok(!problems[1]!.message.includes('AKIAQWERTYUIOPASDFGH'), 'the message does not repeat the secret');
	assert.match(problems[1]!.message, new RegExp(`add it to ${ALLOWLIST_FILE} with a reason and reviewer`));
});

test('checkSecrets: an allow-listed example passes in its own file only', () => {
	const line = 'Example key: `AKIAIOSFODNN7EXAMPLE`.\n';
	const dir = contentDir({
		[ALLOWLIST_FILE]: allowEntry('runbooks/deploy.mdx', 'AKIAIOSFODNN7EXAMPLE'),
		'runbooks/deploy.mdx': line,
		'runbooks/rollback.mdx': line,
	});
	const problems = checkSecrets(dir, [path.join(dir, 'runbooks/deploy.mdx'), path.join(dir, 'runbooks/rollback.mdx')]);
	assert.deepEqual(
		problems.map((p) => path.relative(dir, p.file)),
		[path.join('runbooks', 'rollback.mdx')],
	);
});

test('checkSecrets: an allow-listed example does not hide a real key beside it', () => {
	const dir = contentDir({
		[ALLOWLIST_FILE]: allowEntry('runbooks/deploy.mdx', 'AKIAIOSFODNN7EXAMPLE'),
		'runbooks/deploy.mdx': 'Not `AKIAIOSFODNN7EXAMPLE` but `AKIAQWERTYUIOPASDFGH`.\n',
	});
	const problems = checkSecrets(dir, [path.join(dir, 'runbooks/deploy.mdx')]);
	assert.deepEqual(
		problems.map((p) => [p.line, p.column]),
		[[1, 33]],
	);
});

test('checkSecrets: allow-list entries match part of the hit (the value of an assignment)', () => {
	const dir = contentDir({
		[ALLOWLIST_FILE]: allowEntry('facts.yaml', 'demo-token-1234'),
		'facts.yaml': 'demo:\n  token: demo-token-1234\n',
	});
	assert.deepEqual(checkSecrets(dir, [path.join(dir, 'facts.yaml')]), []);
});

test('loadAllowList: no file is an empty list', () => {
	assert.deepEqual(loadAllowList(contentDir({})), { entries: [], problems: [] });
});

test('loadAllowList: entries are parsed, with the review date as a date', () => {
	const { entries, problems } = loadAllowList(
		contentDir({ [ALLOWLIST_FILE]: allowEntry('runbooks/a.mdx', 'AKIAEXAMPLE') }),
	);
	assert.deepEqual(problems, []);
	assert.equal(entries.length, 1);
	assert.equal(entries[0]!.match, 'AKIAEXAMPLE');
	assert.ok(entries[0]!.reviewed instanceof Date);
});

test('loadAllowList: a malformed list is a problem at its line, and allows nothing', () => {
	const missingFields = contentDir({ [ALLOWLIST_FILE]: '- file: runbooks/deploy.mdx\n  match: AKIA\n' });
	const result = loadAllowList(missingFields);
	assert.deepEqual(result.entries, []);
	assert.ok(result.problems.length > 0);
	for (const p of result.problems) {
		assert.equal(p.file, path.join(missingFields, ALLOWLIST_FILE));
		assert.equal(typeof p.line, 'number');
	}
	assert.ok(
		result.problems.some((p) => p.field === '0.reason'),
		JSON.stringify(result.problems),
	);

	const unknownKey = loadAllowList(
		contentDir({ [ALLOWLIST_FILE]: `${allowEntry('a.mdx', 'AKIAEXAMPLE')}  note: hi\n` }),
	);
	assert.equal(unknownKey.entries.length, 0);
	assert.equal(unknownKey.problems.length, 1);

	const badYaml = loadAllowList(contentDir({ [ALLOWLIST_FILE]: '- file: [runbooks/deploy.mdx\n' }));
	assert.equal(badYaml.entries.length, 0);
	assert.match(badYaml.problems[0]!.message, /^YAML syntax: /);
	assert.equal(typeof badYaml.problems[0]!.line, 'number');
});

test('checkSecrets: allow-list problems come first, and every hit is still reported', () => {
	const dir = contentDir({
		[ALLOWLIST_FILE]: '- file: runbooks/deploy.mdx\n  match: AKIAIOSFODNN7EXAMPLE\n',
		'runbooks/deploy.mdx': 'AKIAIOSFODNN7EXAMPLE\n',
	});
	const problems = checkSecrets(dir, [path.join(dir, 'runbooks/deploy.mdx')]);
	assert.equal(problems.at(-1)!.field, 'secret');
	assert.ok(problems.slice(0, -1).every((p) => p.file === path.join(dir, ALLOWLIST_FILE)));
});
