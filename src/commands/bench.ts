/**
 * What the command checks cost: `node src/commands/bench.ts [blocks per language] [runs]` (default 200 and 5).
 *
 * For each language: the first block (parser load, WASM compile, first parse: once per process, so measured once),
 * then the mean per block over N synthetic blocks checked one by one, then the same blocks checked as one
 * document's blocks (checkCodeBlocks: shell blocks share one parser call). Last, the Markdown parse that finds the
 * blocks. Per-block figures are the best of `runs` runs: on a shared machine the slower runs measure the neighbours.
 */
import type { BlockInput } from './check.ts';
import { checkCodeBlock, checkCodeBlocks, extractCodeBlocks } from './index.ts';

const n = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);

const samples: Record<string, (i: number) => string> = {
	promql: (i) =>
		`histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/r${i}"}[5m])))\n` +
		`sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.0${i % 9}`,
	logql: (i) =>
		`sum by (pod) (count_over_time({app="uploads-api", pod="<pod>"} | json | level="error"\n` +
		`  | status >= ${500 + (i % 9)} [5m]))`,
	bash: (i) =>
		`kubectl --context prod -n uploads get pods -l app=api-${i} -o wide\n` +
		`for p in $(kubectl get pods -o name); do kubectl logs "$p" --tail=20 | grep -c ERROR || true; done\n` +
		`curl -s "https://api.example.com/health?i=${i}" | jq -r '.status'`,
	console: (i) => `$ kubectl get pods -n uploads\nNAME READY STATUS\napi-${i} 1/1 Running\n$ echo done`,
	sql: (i) =>
		`\\x\nSELECT state, count(*) FROM pg_stat_activity\n` +
		`WHERE datname = 'uploads' AND pid <> ${i} GROUP BY 1 ORDER BY 2 DESC;`,
};

/** Best mean time per item, in ms, over `runs` runs. */
async function best(items: number, run: () => unknown): Promise<string> {
	let min = Infinity;
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		await run();
		min = Math.min(min, (performance.now() - t) / items);
	}
	return min.toFixed(3).padStart(8);
}

console.log(`${n} blocks per language, best of ${runs} runs, Node ${process.version}`);
console.log('language   first block (ms)   per block, one by one (ms)   per block, as one document (ms)');
for (const [lang, make] of Object.entries(samples)) {
	const blocks: BlockInput[] = Array.from({ length: n }, (_, i) => ({ lang, text: make(i) }));
	const t = performance.now();
	await checkCodeBlock({ lang, text: make(-1) }, { file: 'bench' });
	const first = (performance.now() - t).toFixed(2).padStart(8);
	const single = await best(n, async () => {
		for (const block of blocks) {
			const { problems } = await checkCodeBlock(block, { file: 'bench' });
			if (problems.length > 0) throw new Error(`${lang} sample fails: ${problems[0]!.message}`);
		}
	});
	const batched = await best(n, () => checkCodeBlocks(blocks, { file: 'bench' }));
	console.log(`${lang.padEnd(10)} ${first}           ${single}                     ${batched}`);
}

const doc = Object.entries(samples)
	.flatMap(([lang, make]) =>
		Array.from({ length: Math.ceil(n / 5) }, (_, i) => `Step ${i}:\n\n\`\`\`${lang}\n${make(i)}\n\`\`\`\n`),
	)
	.join('\n');
for (const mdx of [false, true]) {
	let found = 0;
	const perDocument = await best(1, () => {
		found = extractCodeBlocks(doc, { mdx }).length;
	});
	const size = `${(doc.length / 1024).toFixed(0)} KB of ${mdx ? 'MDX' : 'Markdown'}`;
	console.log(`finding ${found} blocks in ${size}: ${perDocument} ms`);
}
