/** Walking the built site (src/core/site-files.ts): which files, in which order, and the URL of each page. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFiles, folderBytes, pagePathOf } from '../../src/core/site-files.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/core/search-bundle.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-site-files-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function builtSite(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(work, 'dist-'));
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

const SITE = {
	'runbooks/rollback/index.html': '<h1>Rollback</h1>',
	'runbooks/index.html': '<h1>Runbooks</h1>',
	'index.html': '<h1>Home</h1>',
	'404.html': '<h1>Not found</h1>',
	'_astro/site.js': 'x',
	'pagefind/pagefind.js': 'x',
	'pagefind/fragment/en_1.pf_fragment': 'x',
	'pagefind-guide/index.html': '<h1>A page whose name starts like the search folder</h1>',
	'sw.js': 'x',
};

test('builtFiles: every file, relative with "/", sorted; folders themselves are not listed', () => {
	const dir = builtSite(SITE);
	fs.mkdirSync(path.join(dir, 'empty-folder.html'));
	assert.deepEqual(builtFiles(dir), Object.keys(SITE).sort());
});

test('builtFiles: by ending, and without the folders to skip (a name that only starts alike stays)', () => {
	const dir = builtSite(SITE);
	assert.deepEqual(builtFiles(dir, { ext: '.html', skip: [SEARCH_BUNDLE_DIR] }), [
		'404.html',
		'index.html',
		'pagefind-guide/index.html',
		'runbooks/index.html',
		'runbooks/rollback/index.html',
	]);
	assert.equal(builtFiles(dir, { skip: [`${SEARCH_BUNDLE_DIR}/`, '_astro'] }).includes('_astro/site.js'), false);
	assert.deepEqual(builtFiles(path.join(dir, SEARCH_BUNDLE_DIR, 'fragment'), { ext: '.pf_fragment' }), [
		'en_1.pf_fragment',
	]);
});

test('builtFiles: a folder that does not exist has no files', () => {
	assert.deepEqual(builtFiles(path.join(os.tmpdir(), 'opsbook-no-such-site', 'dist')), []);
});

test('pagePathOf: a folder index is served at the folder, any other file under its own name', () => {
	assert.equal(pagePathOf('runbooks/rollback/index.html'), '/runbooks/rollback/');
	assert.equal(pagePathOf('index.html'), '/');
	assert.equal(pagePathOf('404.html'), '/404.html');
	assert.equal(pagePathOf('runbooks\\rollback\\index.html'), '/runbooks/rollback/', 'Windows separators');
	assert.equal(pagePathOf('runbooks/rollback/index.html', '/ops/'), '/ops/runbooks/rollback/');
	assert.equal(pagePathOf('index.html', '/ops/'), '/ops/');
	assert.equal(pagePathOf('myindex.html'), '/myindex.html');
});

test('folderBytes: the size of every file under a folder; 0 when there is none', () => {
	const dir = builtSite({ 'a.txt': '12345', 'b/c.txt': '123' });
	assert.equal(folderBytes(dir), 8);
	assert.equal(folderBytes(path.join(dir, 'b')), 3);
	assert.equal(folderBytes(path.join(dir, 'missing')), 0);
});
