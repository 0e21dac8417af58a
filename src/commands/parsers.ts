/**
 * The four parsers, each loaded on first use (a page without SQL never loads PostgreSQL's parser).
 * Costs measured on this machine (Node 24, src/commands/bench.ts; figures in the README):
 *
 *   PromQL, LogQL  lezer, plain JavaScript: no start-up cost to speak of, well under 0.1 ms a block.
 *   sh-syntax      mvdan/sh compiled from Go to WASM. The package's own parse() compiles the 4 MB WASM module again
 *                  on every call (4 ms a block, measured); compiling it once and instantiating the compiled module
 *                  per call costs about 1.5 ms a block. A fresh Go instance per call is the package's design (the Go
 *                  runtime does not return), so that per-call cost stays. First call, with the compile: ~20 ms.
 *   libpg-query    PostgreSQL's parser in WASM (emscripten): ~10 ms to load, ~20 ms for the first parse, then
 *                  about 0.05 ms a statement through the synchronous API once loaded.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { LRParser } from '@lezer/lr';

export type ShellParse = (text: string) => Promise<unknown>;
export type SqlParse = (sql: string) => { stmts?: unknown[] };

let promql: Promise<LRParser> | undefined;
let logql: Promise<LRParser> | undefined;
let shell: Promise<ShellParse> | undefined;
let sql: Promise<SqlParse> | undefined;

export function promqlParser(): Promise<LRParser> {
	promql ??= import('@prometheus-io/lezer-promql').then((m) => m.parser);
	return promql;
}

export function logqlParser(): Promise<LRParser> {
	logql ??= import('@grafana/lezer-logql').then((m) => m.parser as LRParser);
	return logql;
}

export function shellParser(): Promise<ShellParse> {
	shell ??= (async () => {
		const { getProcessor, LangVariant } = await import('sh-syntax');
		// createRequire rather than import.meta.resolve: it also works where a bundler (Vite) runs this module.
		const wasm = await WebAssembly.compile(
			await readFile(createRequire(import.meta.url).resolve('sh-syntax/main.wasm')),
		);
		const processor = getProcessor((imports: WebAssembly.Imports) => WebAssembly.instantiate(wasm, imports));
		return (text: string) => processor(text, { keepComments: false, variant: LangVariant.LangBash });
	})();
	return shell;
}

export function sqlParser(): Promise<SqlParse> {
	sql ??= (async () => {
		const pg = await import('libpg-query');
		await pg.loadModule();
		return (text: string) => pg.parseSync(text) as { stmts?: unknown[] };
	})();
	return sql;
}
