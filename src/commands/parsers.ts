/**
 * The four parsers, each loaded on first use (a page without SQL never loads PostgreSQL's parser). Costs from
 * `node src/commands/bench.ts 200 8` (Node 24, 2 shared CPUs under load from other jobs, best of 8 runs):
 *
 *                  first block (load + first parse)   then per block   per block, a document's blocks together
 *   PromQL (lezer)            30-50 ms                    0.10 ms             0.07 ms   (two queries a block)
 *   LogQL (lezer)              5-9 ms                     0.03 ms             0.02 ms
 *   shell (sh-syntax)          ~28 ms                    1.3-3 ms             0.09 ms
 *   SQL (libpg-query)         35-70 ms                    0.05 ms             0.07 ms
 *
 * sh-syntax is mvdan/sh compiled from Go to WASM (0.75 MB). Its own parse() compiles that module again on every
 * call (4 ms a call measured, even for one line); here it is compiled once and only instantiated per call. A fresh
 * Go instance per call is the package's design (the Go runtime does not return to be reused), so that cost stays
 * per call; shell.ts therefore parses a document's shell blocks in one call. libpg-query is PostgreSQL's parser
 * (emscripten, 1.7 MB), used through its synchronous API once loaded.
 *
 * The modules are imported statically: the integration runs inside the module runner Astro loads its config with,
 * which is closed once the config is loaded, so a dynamic import() at build time fails ("module runner has been
 * closed"). Importing is cheap; the WASM is still compiled only on first use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parser as logqlGrammar } from '@grafana/lezer-logql';
import type { LRParser } from '@lezer/lr';
import { parser as promqlGrammar } from '@prometheus-io/lezer-promql';
import * as pg from 'libpg-query';
import { getProcessor, LangVariant } from 'sh-syntax';

export type ShellParse = (text: string) => Promise<unknown>;
export type SqlParse = (sql: string) => { stmts?: unknown[] };

let promql: Promise<LRParser> | undefined;
let logql: Promise<LRParser> | undefined;
let shell: Promise<ShellParse> | undefined;
let sql: Promise<SqlParse> | undefined;

export function promqlParser(): Promise<LRParser> {
	promql ??= Promise.resolve(promqlGrammar);
	return promql;
}

export function logqlParser(): Promise<LRParser> {
	logql ??= Promise.resolve(logqlGrammar as LRParser);
	return logql;
}

export function shellParser(): Promise<ShellParse> {
	shell ??= (async () => {
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
		await pg.loadModule();
		return (text: string) => pg.parseSync(text) as { stmts?: unknown[] };
	})();
	return sql;
}
