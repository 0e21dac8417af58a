import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFacts, replaceFactReferences, resolveFact } from '../../src/facts/facts.ts';
import { ContentError } from '../../src/core/errors.ts';

const fixture = path.resolve('tests/fixtures/minimal/content');
const { facts } = loadFacts(fixture);

function factsWith(edit: (yaml: string) => string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-facts-'));
	fs.writeFileSync(path.join(dir, 'facts.yaml'), edit(fs.readFileSync(path.join(fixture, 'facts.yaml'), 'utf8')));
	return dir;
}

test('resolves a fact by key', () => {
	assert.equal(resolveFact(facts, 'facts.limits.maxUploadSizeMB').value, 25);
});

test('resolves an environment fact to the default environment and keeps every environment value', () => {
	const fact = resolveFact(facts, 'env.apiHost');
	assert.equal(fact.value, 'api.staging.fixture.example.com');
	assert.deepEqual(fact.env, {
		key: 'apiHost',
		values: { staging: 'api.staging.fixture.example.com', production: 'api.fixture.example.com' },
	});
});

test('an unknown key suggests the closest one', () => {
	assert.throws(
		() => resolveFact(facts, 'facts.limits.maxUploadSize'),
		/unknown fact "facts\.limits\.maxUploadSize"; did you mean "facts\.limits\.maxUploadSizeMB"\?/,
	);
	assert.throws(() => resolveFact(facts, 'env.apiHots'), /did you mean "env\.apiHost"/);
});

test('list items with ids can be addressed by id', () => {
	assert.equal(resolveFact(facts, 'facts.severities.SEV1.name').value, 'Critical');
	assert.equal(resolveFact(facts, 'facts.severities.0.ackMinutes').value, 5);
});

test('a group is not a value', () => {
	assert.throws(
		() => resolveFact(facts, 'facts.limits'),
		/is a group, not a value; use one of: facts\.limits\.maxUploadSizeMB/,
	);
});

test('replaces references inside text, leaving other braces alone', () => {
	const text = 'curl https://{env.apiHost}/x -d \'{"a":1}\' ${HOME} {facts.limits.maxUploadSizeMB}';
	assert.equal(
		replaceFactReferences(text, facts),
		'curl https://api.staging.fixture.example.com/x -d \'{"a":1}\' ${HOME} 25',
	);
});

test('a schema error in facts.yaml names the line and field', () => {
	const dir = factsWith((y) => y.replace('ackMinutes: 5', 'ackMinutes: five'));
	assert.throws(
		() => loadFacts(dir),
		(error: unknown) => {
			assert.ok(error instanceof ContentError);
			assert.match(error.message, /facts\.yaml:\d+ severities\.0\.ackMinutes: /);
			const line = error.problems[0]!.line!;
			assert.match(fs.readFileSync(path.join(dir, 'facts.yaml'), 'utf8').split('\n')[line - 1]!, /ackMinutes/);
			return true;
		},
	);
});

test('roles must name known people and environments must agree on keys', () => {
	const dir = factsWith((y) =>
		y
			.replace('primary: pat-doe', 'primary: nobody')
			.replace('apiHost: api.fixture.example.com', 'apiHostname: api.fixture.example.com'),
	);
	assert.throws(
		() => loadFacts(dir),
		(e: Error) =>
			/roles\.on-call-engineer\.primary: unknown person "nobody"[\s\S]*environments\.production: environments must define the same keys/.test(
				e.message,
			),
	);
});
