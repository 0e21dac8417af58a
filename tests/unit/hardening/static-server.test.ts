import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../../../src/core/static-server.ts';

/** Temporary folders made by this file, removed at the end. */
const temporary: string[] = [];
after(() => {
	for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});
function made(dir: string): string {
	temporary.push(dir);
	return dir;
}

function site(): string {
	const dir = made(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-serve-')));
	const write = (name: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	};
	write('index.html', '<h1>home</h1>');
	write('404.html', '<h1>not here</h1>');
	write('runbooks/rollback/index.html', '<h1>rollback</h1>');
	write('_astro/site.css', 'body{}');
	write('_astro/app.js', 'export {}');
	write('pagefind/index/en_1.pf_index', 'bytes');
	write('cards/rollback.pdf', '%PDF-1.7 0123456789');
	fs.writeFileSync(made(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`)), 'secret');
	return dir;
}

/** A raw request: fetch() would normalise the path before sending it. */
function get(url: string, rawPath?: string, headers: Record<string, string> = {}) {
	const u = new URL(url);
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
		const req = http.get(
			{ host: u.hostname, port: u.port, path: rawPath ?? u.pathname + u.search, headers, agent: false },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
			},
		);
		req.on('error', reject);
	});
}

test('serves index.html, nested folders, 404.html with status 404, and redirects folders to their slash', async () => {
	const server = await startStaticServer(site());
	try {
		assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
		const home = await get(server.url);
		assert.equal(home.status, 200);
		assert.equal(home.body, '<h1>home</h1>');
		assert.equal(home.headers['content-type'], 'text/html;charset=utf-8');
		assert.equal(home.headers['cache-control'], 'no-cache');

		const nested = await get(`${server.url}runbooks/rollback/`);
		assert.equal(nested.status, 200);
		assert.equal(nested.body, '<h1>rollback</h1>');

		const bare = await get(`${server.url}runbooks/rollback?x=1`);
		assert.equal(bare.status, 301);
		assert.equal(bare.headers.location, '/runbooks/rollback/?x=1');

		const missing = await get(`${server.url}nothing/here/`);
		assert.equal(missing.status, 404);
		assert.equal(missing.body, '<h1>not here</h1>');
		assert.match(String(missing.headers['content-type']), /^text\/html/);
	} finally {
		await server.close();
	}
});

test('content types: charset on CSS and JS, bytes for unknown files (Pagefind), PDFs', async () => {
	const server = await startStaticServer(site());
	try {
		assert.equal((await get(`${server.url}_astro/site.css`)).headers['content-type'], 'text/css; charset=utf-8');
		assert.equal((await get(`${server.url}_astro/app.js`)).headers['content-type'], 'text/javascript; charset=utf-8');
		const pf = await get(`${server.url}pagefind/index/en_1.pf_index`);
		assert.equal(pf.status, 200);
		assert.equal(pf.headers['content-type'], 'application/octet-stream');
		assert.equal((await get(`${server.url}cards/rollback.pdf`)).headers['content-type'], 'application/pdf');
	} finally {
		await server.close();
	}
});

test('the base path: the site lives under it, the rest is 404, the bare base redirects', async () => {
	const server = await startStaticServer(site(), 0, '/ops/');
	try {
		assert.match(server.url, /\/ops\/$/);
		assert.equal((await get(server.url)).body, '<h1>home</h1>');
		assert.equal((await get(`${server.url}runbooks/rollback/`)).body, '<h1>rollback</h1>');
		const outside = await get(server.url.replace('/ops/', '/runbooks/rollback/'));
		assert.equal(outside.status, 404);
		assert.equal(outside.body, '<h1>not here</h1>');
		const bareBase = await get(server.url.replace(/\/$/, ''));
		assert.equal(bareBase.status, 301);
		assert.equal(bareBase.headers.location, '/ops/');
		const bareFolder = await get(`${server.url}runbooks/rollback`);
		assert.equal(bareFolder.headers.location, '/ops/runbooks/rollback/');
	} finally {
		await server.close();
	}
});

test('nothing outside the folder is served, however the path is written', async () => {
	const root = site();
	const secret = `${path.basename(root)}-secret.txt`;
	const server = await startStaticServer(root, 0, '/ops/');
	try {
		for (const raw of [
			`/ops/../${secret}`,
			`/ops/%2e%2e/${secret}`,
			`/ops/..%2f${secret}`,
			`/ops/%2e%2e%2f${secret}`,
			'/ops/%E0%A4%A',
		]) {
			const res = await get(server.url, raw);
			assert.notEqual(res.body, 'secret', raw);
			assert.ok(res.status === 404 || res.status === 400, `${raw}: ${res.status}`);
		}
	} finally {
		await server.close();
	}
});

test('ETag and 304, and Range requests for downloads', async () => {
	const server = await startStaticServer(site());
	try {
		const first = await get(`${server.url}cards/rollback.pdf`);
		const etag = String(first.headers.etag);
		assert.match(etag, /^W\/"/);
		assert.equal((await get(`${server.url}cards/rollback.pdf`, undefined, { 'if-none-match': etag })).status, 304);
		const part = await get(`${server.url}cards/rollback.pdf`, undefined, { range: 'bytes=0-3' });
		assert.equal(part.status, 206);
		assert.equal(part.body, '%PDF');
	} finally {
		await server.close();
	}
});

test('files written after the start are served, and close() stops it (the host going away)', async () => {
	const root = site();
	const server = await startStaticServer(root);
	fs.writeFileSync(path.join(root, 'late.html'), 'late');
	assert.equal((await get(`${server.url}late.html`)).body, 'late');
	await server.close();
	await assert.rejects(get(server.url), /ECONNREFUSED/);
});
