/**
 * Images and attachments beside the documents, served by `astro dev` at the URLs their links were rewritten to. A
 * build copies them into the site at build:done (publishAttachments in src/index.ts), which a dev server never
 * reaches: without this, every image of a brought tree is a 404 while writing.
 *
 * Only files of the inventory are served: a request path is looked up among the attachments' URLs, never joined to
 * a folder, so no `..` or encoded slash can reach a file outside the content folder, and a file the build would not
 * publish (an excluded one, a .xlsx) is not served either. The list is read again after a file is added or removed
 * under the content folder, so an image saved while the server runs shows on the next reload.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';
import type { Plugin } from 'vite';
import { scanContent, type AttachmentFile } from '../core/sources.ts';

export interface DevAttachmentsOptions {
	contentDir: string;
	/** The site's base path, with its trailing slash. */
	base: string;
	exclude: readonly string[];
	/** The attachments the integration found at startup: no second walk of the tree for the first request. */
	attachments?: readonly AttachmentFile[];
}

/** Published URL (no base, no leading slash) → file. */
export function attachmentsByUrl(attachments: readonly AttachmentFile[]): Map<string, string> {
	return new Map(attachments.map((a) => [a.url, a.file]));
}

/** The attachment a request's path names (base included, %-escapes as sent), or undefined. */
export function attachmentForPath(pathname: string, base: string, byUrl: Map<string, string>): string | undefined {
	if (!pathname.startsWith(base)) return undefined;
	let url: string;
	try {
		url = decodeURIComponent(pathname.slice(base.length));
	} catch {
		return undefined;
	}
	return byUrl.get(url);
}

const WATCHED = new Set(['add', 'unlink', 'addDir', 'unlinkDir']);

export function devAttachments(options: DevAttachmentsOptions): Plugin {
	const inside = `${path.resolve(options.contentDir)}${path.sep}`;
	let byUrl = options.attachments ? attachmentsByUrl(options.attachments) : undefined;
	const current = () =>
		(byUrl ??= attachmentsByUrl(scanContent(options.contentDir, { exclude: options.exclude }).attachments));
	return {
		name: 'opsbook:dev-attachments',
		apply: 'serve',
		configureServer(server) {
			server.watcher.on('all', (event: string, file: string) => {
				if (WATCHED.has(event) && path.resolve(file).startsWith(inside)) byUrl = undefined;
			});
			// Added directly (not from a returned hook), so it runs before Astro's page routing answers 404.
			server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
				if (req.method !== 'GET' && req.method !== 'HEAD') return next();
				// Vite strips the base from req.url before plugins see it; Connect keeps the path as sent in originalUrl.
				const sent = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
				const file = attachmentForPath(new URL(sent, 'http://dev').pathname, options.base, current());
				if (!file) return next();
				fs.stat(file, (error, stat) => {
					if (error || !stat.isFile()) return next();
					res.writeHead(200, {
						'content-type': lookup(file) ?? 'application/octet-stream',
						'content-length': stat.size,
						// Written while the server runs: always the file as it is now.
						'cache-control': 'no-cache',
						'x-content-type-options': 'nosniff',
					});
					if (req.method === 'HEAD') res.end();
					else fs.createReadStream(file).pipe(res);
				});
			});
		},
	};
}
