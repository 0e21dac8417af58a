/**
 * A small static file server: serves a built site folder as a static host would (directory index.html, 404.html,
 * content types, the site's base path), on loopback. Used by commands that load the site in a browser
 * (`npm run cards:pdf`, `npm run bench`) and by the tests, which also stop it to simulate the host going away.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.pdf': 'application/pdf',
	'.zip': 'application/zip',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
};

export interface RunningServer {
	/** Address of the site root, base path included, with a trailing slash. */
	url: string;
	port: number;
	close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1 (`port` 0: any free port) under `base`. */
export function startStaticServer(root: string, port = 0, base = '/'): Promise<RunningServer> {
	const server = http.createServer((req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!pathname.startsWith(base)) return send(res, 404, path.join(root, '404.html'));
		let file = path.join(root, pathname.slice(base.length));
		if (!file.startsWith(root)) return send(res, 403);
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { location: `${pathname}/` });
				return res.end();
			}
			file = path.join(file, 'index.html');
		}
		if (!fs.existsSync(file)) return send(res, 404, path.join(root, '404.html'));
		send(res, 200, file);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const actual = (server.address() as AddressInfo).port;
			resolve({
				url: `http://127.0.0.1:${actual}${base}`,
				port: actual,
				close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
			});
		});
	});
}

function send(res: http.ServerResponse, status: number, file?: string): void {
	if (!file || !fs.existsSync(file)) {
		res.writeHead(status, { 'content-type': 'text/plain' });
		res.end(String(status));
		return;
	}
	// Pagefind's index files (.pf_*) and anything else unknown are served as bytes.
	res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
	fs.createReadStream(file).pipe(res);
}
