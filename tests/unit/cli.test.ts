/** The `opsbook` command line and the integration's configuration errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { z } from 'astro/zod';
import { parseOpsbookConfig, resolveConfig } from '../../src/core/config.ts';

const opsbook = (...args: string[]) =>
	spawnSync(process.execPath, ['bin/opsbook.js', ...args], {
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' },
	});
const COMMANDS = ['init', 'dev', 'build', 'preview', 'check', 'verify', 'export', 'cards', 'doctor'];

test('no command prints the usage and exits 2; an unknown command too', () => {
	const none = opsbook();
	assert.equal(none.status, 2);
	for (const c of COMMANDS) assert.match(none.stdout, new RegExp(`^  ${c} `, 'm'));
	const unknown = opsbook('deploy');
	assert.equal(unknown.status, 2);
	assert.match(unknown.stderr, /unknown command "deploy"/);
});

test('every command has --help (exit 0) and rejects an unknown flag with its usage (exit 2)', () => {
	for (const c of COMMANDS) {
		const help = opsbook(c, '--help');
		assert.equal(help.status, 0, `${c} --help`);
		assert.match(help.stdout, new RegExp(`^usage: opsbook ${c}`), `${c} --help`);
		const bad = opsbook(c, '--no-such-flag');
		assert.equal(bad.status, 2, `${c} --no-such-flag`);
		assert.match(bad.stderr, /Unknown option '--no-such-flag'/);
		assert.match(bad.stderr, new RegExp(`usage: opsbook ${c}`));
	}
});

test('check runs the content checks with no build and no browser; --json for machines', () => {
	const good = opsbook('check', '--json', '--content', 'tests/fixtures/minimal/content');
	assert.equal(good.status, 0, good.stderr);
	assert.equal(JSON.parse(good.stdout).ok, true);
	const bad = spawnSync(
		process.execPath,
		['bin/opsbook.js', 'check', '--json', '--content', 'tests/fixtures/minimal/content'],
		{
			encoding: 'utf8',
			env: {
				...process.env,
				OPSBOOK_CHROMIUM: '/nonexistent/chromium',
				OPSBOOK_STRICT_REVIEW: '1',
				OPSBOOK_TODAY: '2030-01-01',
			},
		},
	);
	assert.equal(bad.status, 1);
	const report = JSON.parse(bad.stdout) as {
		ok: boolean;
		problems: Array<{ file: string; line: number; message: string }>;
	};
	assert.equal(report.ok, false);
	assert.ok(report.problems.some((p) => /review overdue/.test(p.message) && p.line > 0 && p.file.endsWith('.mdx')));
});

test('doctor reports Node, the browser and the configuration as resolved', () => {
	const run = opsbook('doctor', '--json');
	assert.equal(run.status, 0, run.stderr);
	const report = JSON.parse(run.stdout);
	assert.equal(report.node.version, process.version);
	assert.equal(report.config.contentDir, path.resolve('content'));
	assert.equal(report.config.base, '/');
	assert.match(report.config.file, /astro\.config\.ts$/);
});

test('a bad option names it and says what to write instead', () => {
	assert.throws(() => parseOpsbookConfig({ bsae: '/ops/' }), /unknown option "bsae": did you mean "base"\?/);
	assert.throws(
		() => parseOpsbookConfig({ base: 'ops' }),
		/`base`: a path that starts with "\/" \(write the sub-path .*base: '\/ops\/'\)/,
	);
	assert.throws(
		() => parseOpsbookConfig({ features: { card: false } }),
		/unknown option "card": did you mean "cards"\?/,
	);
	assert.throws(() => parseOpsbookConfig({ strictReview: 'yes' }), /`strictReview`: .*\(write true fails the build/);
	assert.throws(() => parseOpsbookConfig({ today: '26/11/2026' }), /`today`: a date written YYYY-MM-DD/);
	assert.throws(
		() => parseOpsbookConfig({ frontmatter: { pagerdutyService: 'string' } }),
		/`frontmatter`: expected a Zod object of extra fields: frontmatter: z\.object\(\{ pagerdutyService: z\.string\(\) \}\)/,
	);
	assert.throws(
		() => parseOpsbookConfig({ frontmatter: z.object({ owner: z.string() }) }),
		/`frontmatter`: "owner" is one of Opsbook's own fields; give yours another name/,
	);
});

test("a site's own front-matter fields: the schema stays in the config, pages get the field names", () => {
	const frontmatter = z.object({ pagerdutyService: z.string(), dashboard: z.url().optional() });
	const resolved = resolveConfig(parseOpsbookConfig({ frontmatter }), { root: '/site', outDir: '/site/dist', env: {} });
	assert.equal(resolved.frontmatter, frontmatter);
	assert.deepEqual(resolved.extraFields, ['pagerdutyService', 'dashboard']);
});

test('configuration resolves to absolute paths; environment variables override it for one run', () => {
	const config = parseOpsbookConfig({ content: 'handbook', base: '/ops', features: { cards: false } });
	const resolved = resolveConfig(config, { root: '/site', outDir: '/site/dist', env: {} });
	assert.equal(resolved.contentDir, '/site/handbook');
	assert.equal(resolved.base, '/ops/');
	assert.equal(resolved.features.cards, false);
	assert.equal(resolved.cardPdfs, false);
	assert.equal(resolved.policyFile, '/site/handbook/policy.yaml');
	const overridden = resolveConfig(config, { root: '/site', outDir: '/site/dist', env: { base: '/', public: true } });
	assert.equal(overridden.base, '/');
	assert.equal(overridden.public, true);
});
