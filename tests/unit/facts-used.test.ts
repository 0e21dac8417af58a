import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadFacts } from '../../src/facts/facts.ts';
import { factsUsedBy } from '../../src/facts/facts-used.ts';

const { facts } = loadFacts(path.resolve('tests/fixtures/minimal/content'));

test("a document's digest takes the facts it uses: a change elsewhere in facts.yaml leaves it alone", () => {
	const text = 'Uploads up to {facts.limits.maxUploadSizeMB} MB on `curl https://{env.apiHost}/health`.';
	const before = factsUsedBy(facts, text);
	assert.match(before, /limits\.maxUploadSizeMB/);
	assert.match(before, /env\.apiHost/);
	const changedElsewhere = structuredClone(facts);
	changedElsewhere.site.title = 'Another title';
	assert.equal(factsUsedBy(changedElsewhere, text), before);
	const changedUsed = structuredClone(facts);
	(changedUsed.limits as Record<string, unknown>).maxUploadSizeMB = 40;
	assert.notEqual(factsUsedBy(changedUsed, text), before);
	// Every environment's value counts: the page carries them all for the environment picker.
	const otherEnv = structuredClone(facts);
	const [, second] = Object.keys(otherEnv.environments);
	if (second) {
		(otherEnv.environments[second] as Record<string, unknown>).apiHost = 'changed.example.com';
		assert.notEqual(factsUsedBy(otherEnv, text), before);
	}
	// A document without references depends on no fact; a static component on what it reads; any other on all.
	assert.equal(factsUsedBy(facts, 'Plain text.'), '[]');
	const contacts = factsUsedBy(facts, 'Who to call:\n\n<Contacts />\n');
	assert.equal(factsUsedBy(changedUsed, 'Who to call:\n\n<Contacts />\n'), contacts);
	const otherPeople = structuredClone(facts);
	otherPeople.people = {};
	assert.notEqual(factsUsedBy(otherPeople, 'Who to call:\n\n<Contacts />\n'), contacts);
	assert.equal(factsUsedBy(facts, '<AlertChart alert="X" />'), JSON.stringify(facts));
	// An unknown fact still gives a digest (the render reports it with its line).
	assert.match(factsUsedBy(facts, '{facts.no.such}'), /facts\.no\.such/);
});
