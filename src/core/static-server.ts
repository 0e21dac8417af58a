/**
 * A small static file server on sirv: serves a built site folder as a static host would (directory index.html,
 * 404.html, content types, the site's base path), on loopback. Same API as src/core/static-server.ts, which it
 * replaces: used by commands that load the site in a browser (`npm run cards:pdf`, `npm run bench`) and by the tests,
 * which also stop it to simulate the host going away.
 *
 * What sirv brings over the hand-written server: path traversal refused by construction (a resolved path must stay
 * in the root), ETag and 304, Range requests (206) for the PDFs and the offline zip, and the whole MIME table.
 * What stays here: the base path, the redirect of a folder without its trailing slash (a static host does it, and
 * relative links need it), 404.html with status 404, and `no-cache` so a rebuilt site is seen at once (`dev` mode:
 * sirv looks files up on each request instead of listing the folder at start, so files written later are served).
 * Unlike before, `/x` is also served from `x.html` when that file exists (sirv's `extensions`), as most hosts do;
 * Astro writes `x/index.html`, so the site never has such files.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import sirv from 'sirv';

export interface RunningServer {
	/** Address of the site root, base path included, with a trailing slash. */
	url: string;
	port: number;
	close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1 (`port` 0: any free port) under `base`. */
export function startStaticServer(root: string, port = 0, base = '/'): Promise<RunningServer> {
	const dir = path.resolve(root);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const notFound = (res: http.ServerResponse) => {
		const page = path.join(dir, '404.html');
		if (!fs.existsSync(page)) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('404');
			return;
		}
		res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
		fs.createReadStream(page).pipe(res);
	};
	const serve = sirv(dir, {
		dev: true,
		etag: true,
		dotfiles: true,
		extensions: ['html'],
		setHeaders(res, pathname) {
			// Pagefind's index files (.pf_*) and anything else unknown are bytes; text gets its charset, as before.
			// (A path without an extension is a folder's index.html or a `.html` file: sirv's own type stands.)
			if (!path.extname(pathname)) return;
			const type = lookup(pathname);
			if (!type) res.setHeader('content-type', 'application/octet-stream');
			else if (/^text\/(?:css|javascript)$/.test(type)) res.setHeader('content-type', `${type}; charset=utf-8`);
		},
		onNoMatch: (_req, res) => notFound(res),
	});
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let pathname: string;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			return notFound(res);
		}
		if (!pathname.startsWith(prefix)) {
			// The base itself without its slash (`/ops`) goes to `/ops/`, as a host would; anything else is not here.
			if (`${pathname}/` === prefix) return redirect(res, prefix + url.search);
			return notFound(res);
		}
		const inside = pathname.slice(prefix.length - 1);
		const file = path.join(dir, inside);
		if (!pathname.endsWith('/') && file.startsWith(dir) && isDirectory(file)) {
			return redirect(res, `${url.pathname}/${url.search}`);
		}
		// sirv reads the path from req.url: hand it the part under the base.
		req.url = url.pathname.slice(prefix.length - 1) + url.search;
		serve(req, res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const actual = (server.address() as AddressInfo).port;
			resolve({
				url: `http://127.0.0.1:${actual}${prefix}`,
				port: actual,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}

function isDirectory(file: string): boolean {
	try {
		return fs.statSync(file).isDirectory();
	} catch {
		return false;
	}
}

function redirect(res: http.ServerResponse, location: string): void {
	res.writeHead(301, { location });
	res.end();
}
