/**
 * The content check keeps what it found in each file between builds (src/quality/check-cache.ts): an unchanged file
 * is not parsed again, and a change to the file, or to a fact its commands use, checks it again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAllContent } from '../../src/quality/check-content.ts';
import { ContentError } from '../../src/core/errors.ts';
import { copyFixture } from '../support/fixture-site.ts';

function site() {
	const { contentDir } = copyFixture('minimal');
	const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-check-cache-'));
	return { contentDir, cacheDir, deploy: path.join(contentDir, 'runbooks', 'deploy.mdx') };
}

test('a second check answers unchanged files from the cache, with the same findings', async () => {
	const { contentDir, cacheDir } = site();
	const first = await checkAllContent(contentDir, { cacheDir });
	assert.equal(first.commands.cached, 0);
	const second = await checkAllContent(contentDir, { cacheDir });
	assert.equal(second.commands.cached, second.commands.files);
	assert.ok(second.commands.files >= 2);
	assert.equal(second.commands.blocks, first.commands.blocks);
	assert.deepEqual(second.warnings, first.warnings);
	assert.deepEqual(second.links.problems, first.links.problems);
});

test('an edited file is checked again: a command that no longer parses fails the check at its line', async () => {
	const { contentDir, cacheDir, deploy } = site();
	await checkAllContent(contentDir, { cacheDir });
	const text = fs.readFileSync(deploy, 'utf8');
	fs.writeFileSync(deploy, text.replace('curl -fsS https://', 'curl -fsS "https://'));
	const error = await checkAllContent(contentDir, { cacheDir, profile: 'strict' }).then(
		() => undefined,
		(e: unknown) => e,
	);
	assert.ok(error instanceof ContentError, 'the broken command is found, not answered from the cache');
	const line = text.split('\n').findIndex((l) => l.includes('curl -fsS https://')) + 1;
	assert.ok(
		error.problems.some((p) => p.file === deploy && p.line === line && p.field === 'shell'),
		JSON.stringify(error.problems),
	);
});

test('a changed fact checks again the files whose commands use it, and only those', async () => {
	const { contentDir, cacheDir } = site();
	const first = await checkAllContent(contentDir, { cacheDir });
	const factsFile = path.join(contentDir, 'facts.yaml');
	const facts = fs.readFileSync(factsFile, 'utf8');
	assert.match(facts, /healthPath: /);
	fs.writeFileSync(factsFile, facts.replace(/healthPath: .*/, 'healthPath: /ready'));
	const second = await checkAllContent(contentDir, { cacheDir });
	// deploy.mdx's curl uses {facts.service.healthPath}; the other files do not.
	assert.equal(second.commands.cached, first.commands.files - 1);
});
