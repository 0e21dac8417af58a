import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, problemsOf, rules, where } from './helpers.ts';

test('sql: valid statements pass, including dollar quoting, E-strings and casts', async () => {
	const body = [
		"SELECT state, count(*) FROM pg_stat_activity WHERE datname = 'uploads' GROUP BY 1 ORDER BY 2 DESC;",
		"SELECT E'it\\'s', 'a''b', now() - interval '5 minutes', '{}'::jsonb;",
		"DO $$ BEGIN RAISE NOTICE 'x'; END $$;",
	].join('\n');
	assert.deepEqual(await problemsOf('sql', body), []);
});

test('sql syntax errors point at the bad token in the document', async () => {
	const cases: [string, number, number, RegExp][] = [
		['SELECT 1;\nSELECT * FORM uploads;', 2, 10, /syntax error at or near "FORM"/],
		['SELECT * FROM uploads WHERE', 1, 28, /at end of input/],
		["SELECT 'é—', 'abc", 1, 14, /unterminated quoted string/],
		['SELECT a,, b FROM t', 1, 10, /at or near ","/],
	];
	for (const [body, line, column, message] of cases) {
		const problems = await problemsOf('sql', body);
		assert.equal(problems.length, 1, body);
		assert.deepEqual(where(problems[0]!), at(line, column), body);
		assert.match(problems[0]!.message, message, body);
		assert.equal(problems[0]!.level, 'error');
	}
});

test('psql: meta-commands are skipped, \\g ends a statement, COPY data is skipped, variables parse', async () => {
	const body = [
		'\\set ON_ERROR_STOP on',
		'\\d+ uploads',
		"\\copy (SELECT id FROM uploads) TO '/tmp/ids.csv' CSV",
		'SELECT * FROM uploads WHERE client_id = :client AND name = :\'name\' AND "x" = :"col" \\gx',
		'SELECT 2',
		'\\g',
		'\\copy uploads FROM stdin',
		'1\tnot; SQL at all',
		'\\.',
		'COPY uploads FROM STDIN;',
		'2\tnor this',
		'\\.',
		'SELECT x::text FROM t;',
	].join('\n');
	for (const lang of ['psql', 'sql']) assert.deepEqual(await problemsOf(lang, body), [], lang);
	assert.deepEqual(await problemsOf('psql', '\\dt\n\\d+ uploads'), [], 'only meta-commands');
	const [p] = await problemsOf('psql', '\\d uploads\n\\x\nSELEC 1;');
	assert.deepEqual(where(p!), at(3, 1), 'lines after skipped meta-commands keep their numbers');
});

test('sql: placeholders pass as identifiers and inside strings; errors quote them as written', async () => {
	assert.deepEqual(
		await problemsOf('sql', "SELECT * FROM <table> WHERE id = '<id>' AND created_at < $CUTOFF LIMIT <n>;"),
		[],
	);
	const [p] = await problemsOf('sql', 'SELECT * FROM t WHERE id = 1 <extra>');
	assert.match(p!.message, /at or near "<extra>"/);
});

test('sql/destructive-unmarked: DROP, TRUNCATE, DELETE/UPDATE without WHERE, pg_terminate_backend', async () => {
	const cases: [string, string, RegExp][] = [
		['SELECT 1;\n  DROP TABLE uploads;', 'DROP', /DROP TABLE/],
		['TRUNCATE uploads;', 'TRUNCATE', /TRUNCATE/],
		['-- clean up\nDELETE FROM uploads;', 'DELETE', /DELETE without WHERE/],
		["UPDATE uploads SET state = 'x';", 'UPDATE', /UPDATE without WHERE/],
		["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'app';", 'SELECT', /pg_terminate_backend/],
		['DROP DATABASE uploads;', 'DROP', /DROP DATABASE/],
		['ALTER TABLE uploads DROP COLUMN name;', 'ALTER', /DROP COLUMN/],
	];
	for (const [body, token, what] of cases) {
		const problems = await problemsOf('sql', body);
		assert.deepEqual(rules(problems), ['sql/destructive-unmarked'], body);
		const offset = body.indexOf(token);
		const line = body.slice(0, offset).split('\n').length;
		assert.deepEqual(where(problems[0]!), at(line, offset - body.lastIndexOf('\n', offset - 1)), body);
		assert.match(problems[0]!.message, what);
	}
	assert.deepEqual(
		await problemsOf('sql', "DELETE FROM uploads WHERE id = 'x';\nUPDATE u SET a = 1 WHERE id = 2;"),
		[],
	);
	assert.deepEqual(await problemsOf('sql', 'TRUNCATE uploads;', { meta: 'destructive' }), []);
	assert.deepEqual(await problemsOf('sql', 'TRUNCATE uploads;', { meta: 'allow=destructive-unmarked' }), []);
	assert.deepEqual(await problemsOf('sql', 'TRUNCATE uploads;', { destructiveContext: true }), []);
});
