/** Sizes of a built site: what one page loads (JS and CSS, raw and gzipped). Folder sizes: core/site-files.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export function stats(values: number[]): { median: number; max: number } {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}

export interface PageWeight {
	jsRaw: number;
	jsGzip: number;
	cssRaw: number;
	cssGzip: number;
	files: string[];
}

/**
 * What a page loads on first view: its stylesheets, its module scripts and every module they import statically,
 * plus inline scripts. Lazily imported code (search) is not counted: it loads only when used.
 */
export function pageWeight(root: string, htmlFile: string, base = '/'): PageWeight {
	const html = fs.readFileSync(htmlFile, 'utf8');
	const local = (url: string) =>
		path.join(root, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => local(m[1]!));
	const js = new Set<string>();
	const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1]!));
	while (queue.length) {
		const file = queue.shift()!;
		if (js.has(file) || !fs.existsSync(file)) continue;
		js.add(file);
		const code = fs.readFileSync(file, 'utf8');
		for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
			queue.push(path.resolve(path.dirname(file), m[1]!));
	}
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
	// Styles in <head> only: <style> elements inside diagrams' SVG are content, counted in the page's HTML size.
	const head = html.slice(0, html.indexOf('</head>'));
	const inlineCss = [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
	const read = (files: Iterable<string>) =>
		[...files].map((f) => fs.readFileSync(f)).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
	const jsBytes = Buffer.concat([read(js), Buffer.from(inline)]);
	const cssBytes = Buffer.concat([read(css), Buffer.from(inlineCss)]);
	return {
		jsRaw: jsBytes.length,
		jsGzip: jsBytes.length ? gzipSync(jsBytes).length : 0,
		cssRaw: cssBytes.length,
		cssGzip: cssBytes.length ? gzipSync(cssBytes).length : 0,
		files: [...js, ...css].map((f) => path.relative(root, f)),
	};
}
