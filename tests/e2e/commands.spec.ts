/**
 * Commands and queries checked at build time with each language's own parser (issue #18): one bad block per
 * language fails `opsbook check` and the build, each named by file:line:column at the bad token (not the fence).
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { buildSite, makeFixture, projectOf, repoRoot } from '../support/fixture-site.ts';

const HEAD = `---
title: Commands with mistakes
description: One broken block per checked language.
kind: procedure
owner: { team: SRE, role: on-call-engineer }
service: fixture-api
status: active
lastReviewed: 2026-11-01
reviewEvery: 90
lastTested: { date: 2026-11-01, method: tabletop }
duration: 5
---
`;

// Line numbers below count from the top of the file (the front matter is 12 lines).
const BAD = `${HEAD}
## PromQL

\`\`\`promql
sum(rate(http_requests_total[5m])) by (route
\`\`\`

## LogQL

\`\`\`logql
{app="fixture"} |= "error" | json | level=
\`\`\`

## Shell

1. Restart:

   \`\`\`bash
   kubectl rollout restart deployment/<deployment> && echo "done
   \`\`\`

## SQL

\`\`\`sql
SELECT id FROM uploads WHERE;
\`\`\`

## Console

\`\`\`console
$ curl -fsS https://example.com/healthz | jq '.status
{"status": "ok"}
\`\`\`
`;

const EXPECTED = [
	/procedures\/commands\.mdx:17:\d+ promql: /,
	/procedures\/commands\.mdx:23:\d+ logql: /,
	/procedures\/commands\.mdx:31:\d+ (bash|shell): /,
	/procedures\/commands\.mdx:37:\d+ sql: /,
	/procedures\/commands\.mdx:43:\d+ (console|shell): /,
];

test('a bad block in each language fails opsbook check and the build, naming file:line:column', () => {
	test.setTimeout(240_000);
	const dir = makeFixture('minimal', { 'procedures/commands.mdx': BAD });
	const check = spawnSync(process.execPath, ['bin/opsbook.js', 'check', '--root', projectOf(dir)], {
		cwd: repoRoot,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' },
	});
	const output = `${check.stdout}\n${check.stderr}`;
	expect(check.status, output).toBe(1);
	for (const line of EXPECTED) expect(output).toMatch(line);

	const build = buildSite(dir);
	expect(build.status, build.output).not.toBe(0);
	for (const line of EXPECTED) expect(build.output).toMatch(line);
});

test('placeholders pass the check and are marked on the page; the copy keeps them as written', async ({ page }) => {
	test.setTimeout(240_000);
	const GOOD = `${HEAD}
## Steps

1. Restart one pod:

   \`\`\`bash
   kubectl -n <namespace> delete pod <pod>
   \`\`\`
`;
	// Deleting a pod is destructive: unmarked, the rule finding is a warning in the default profile, not a failure.
	// (The minimal fixture is a strict site; OPSBOOK_PROFILE checks it at the default level for this one build.)
	const dir = makeFixture('minimal', { 'procedures/commands.mdx': GOOD });
	const build = buildSite(dir, undefined, { OPSBOOK_PROFILE: 'default' });
	expect(build.status, build.output).toBe(0);
	expect(build.output).toMatch(/procedures\/commands\.mdx:\d+:\d+ (bash|shell): kubectl delete is destructive/);
	const { startStaticServer } = await import('../support/static-server.ts');
	const server = await startStaticServer(build.outDir, 0, '/');
	try {
		await page.goto(`${server.url}procedures/commands/`);
		const marks = page.locator('pre .placeholder');
		await expect(marks).toHaveText(['<namespace>', '<pod>']);
		await expect(page.locator('pre code').first()).toHaveText('kubectl -n <namespace> delete pod <pod>');
	} finally {
		await server.close();
	}
});
