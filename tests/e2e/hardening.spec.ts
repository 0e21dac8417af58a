/**
 * Hostile content, interrupted builds and odd input (issue #22), each against fixture sites built with the real
 * pipeline. Every test names the failure it guards against.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { parse, stringify } from 'yaml';
import { buildSite, makeFixture, projectOf, repoRoot } from '../support/fixture-site.ts';

test.describe.configure({ mode: 'serial' });

const HEAD = (title: string) => `---
title: ${title}
description: A fixture document for the hardening tests.
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

test('script URLs in a diagram never reach the page or the offline download', () => {
	test.setTimeout(240_000);
	const hostile = `${HEAD('Hostile diagram')}
\`\`\`mermaid
flowchart TD
  A[Start] --> B[Next]
  click A "javascript:alert(document.domain)" "x"
  click B "/runbooks/deploy/" "ok"
\`\`\`
`;
	const build = buildSite(makeFixture('minimal', { 'procedures/hostile.mdx': hostile }));
	expect(build.status, build.output).toBe(0);
	const page = fs.readFileSync(path.join(build.outDir, 'procedures/hostile/index.html'), 'utf8');
	expect(page).toContain('href="/runbooks/deploy/"');
	expect(page).not.toMatch(/javascript:/i);
	const zip = unzipSync(fs.readFileSync(path.join(build.outDir, 'opsbook-offline.zip')));
	const inZip = Object.entries(zip).find(([name]) => name.endsWith('procedures/hostile/index.html'));
	expect(inZip, 'the page is in the download').toBeTruthy();
	expect(new TextDecoder().decode(inZip![1])).not.toMatch(/javascript:/i);
});

test('a BOM, CRLF line endings, a 5000-line code block and a 2000-row table build completely, with no CR', () => {
	test.setTimeout(240_000);
	const code = Array.from({ length: 5000 }, (_, i) => `echo line-${i + 1}`).join('\n');
	const rows = Array.from({ length: 2000 }, (_, i) => `| row-${i + 1} | ${i} |`).join('\n');
	const body = `${HEAD('Large and Windows')}\n## Code\n\n\`\`\`bash\n${code}\n\`\`\`\n\n## Table\n\n| Name | Value |\n| --- | --- |\n${rows}\n`;
	const windows = `\uFEFF${body.replace(/\n/g, '\r\n')}`;
	const build = buildSite(makeFixture('minimal', { 'procedures/large.mdx': windows }));
	expect(build.status, build.output).toBe(0);
	const html = fs.readFileSync(path.join(build.outDir, 'procedures/large/index.html'), 'utf8');
	expect(html).not.toContain('\r');
	expect(html).toContain('echo line-5000');
	expect(html).toContain('row-2000');
	expect(html.match(/<tr>/g)?.length).toBe(2001);
});

test('a day that does not exist is rejected with the file and line', () => {
	test.setTimeout(300_000);
	const dir = makeFixture('minimal', {
		'procedures/dated.mdx': HEAD('Dated').replace('2026-11-01\nreviewEvery', '2026-02-30\nreviewEvery'),
	});
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(
		/procedures\/dated\.mdx:8 frontmatter field "lastReviewed": expected a date like 2026-01-31 \(a day that exists\)/,
	);
});

test('MDX mistakes name the file, line and column: unknown component, throwing expression, unclosed tag, missing import', () => {
	test.setTimeout(300_000);
	const dir = makeFixture('minimal', {
		'procedures/mdx-a.mdx': `${HEAD('MDX check A')}\nText\n\n<SeverityMatrx />\n\nValue {oops.x}\n`,
		'procedures/mdx-b.mdx': `${HEAD('MDX check B')}\nimport Chart from './missing-chart.astro';\n\n<details>\n<summary>Open</summary>\n`,
	});
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/procedures\/mdx-a\.mdx:16:1 MDX: unknown component <SeverityMatrx>/);
	expect(build.output).toMatch(/procedures\/mdx-a\.mdx:18:7 MDX: the expression \{oops\.x\} throws: ReferenceError/);
	expect(build.output).toMatch(/procedures\/mdx-b\.mdx:\d+:\d+ MDX: /);
	expect(build.output).not.toMatch(/mdx-b\.mdx:0:0/);
});

test('a YAML alias bomb in facts.yaml fails fast with the file and the reason', () => {
	test.setTimeout(300_000);
	const dir = makeFixture('minimal');
	const bomb = [
		'a: &a ["x","x","x","x","x","x","x","x","x"]',
		...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
	].join('\n');
	fs.appendFileSync(path.join(dir, 'facts.yaml'), `\nbomb:\n${bomb.replace(/^/gm, '  ')}\n`);
	const started = Date.now();
	const build = buildSite(dir);
	expect(build.status).not.toBe(0);
	expect(build.output).toMatch(/facts\.yaml:\d+(:\d+)? .*too many aliases/i);
	expect(Date.now() - started).toBeLessThan(60_000);
});

test('a token in a record is refused like one in a document', () => {
	test.setTimeout(300_000);
	const dir = makeFixture('records-complete');
	const signoffs = path.join(dir, 'records', 'signoffs');
	const file = fs.readdirSync(signoffs).find((f) => f.endsWith('.yaml'))!;
	const record = parse(fs.readFileSync(path.join(signoffs, file), 'utf8')) as { conditions?: string[] };
	record.conditions = [
		...(record.conditions ?? []),
		'use token ghp_abcdefghijklmnopqrstuvwxyz0123456789 for the pipeline',
	];
	fs.writeFileSync(path.join(signoffs, file), stringify(record));
	const check = spawnSync(process.execPath, ['bin/opsbook.js', 'check', '--root', projectOf(dir)], {
		cwd: repoRoot,
		encoding: 'utf8',
	});
	expect(check.status).toBe(1);
	expect(`${check.stdout}${check.stderr}`).toMatch(
		new RegExp(`records/signoffs/${file.replace('.', '\\.')}:\\d+:\\d+ secret`),
	);
});

test("interrupted builds: a dead build's staging folder is removed, Ctrl-C cleans up, a second build is refused", async () => {
	test.setTimeout(300_000);
	const dir = makeFixture('minimal');
	const out = path.join(projectOf(dir), 'dist');
	const dead = `${out}.building-999999`;
	fs.mkdirSync(dead, { recursive: true });
	fs.writeFileSync(path.join(dead, 'index.html'), 'left by a build that was killed');

	// A build started in the background holds the lock; a second one stops at once and says who holds it.
	const first = spawn(process.execPath, [path.join(repoRoot, 'bin/opsbook.js'), 'build', '--root', projectOf(dir)], {
		env: { ...process.env, NO_COLOR: '1' },
	});
	let firstOutput = '';
	first.stdout.on('data', (d) => (firstOutput += d));
	first.stderr.on('data', (d) => (firstOutput += d));
	await expect.poll(() => fs.existsSync(`${out}.lock`), { timeout: 60_000 }).toBe(true);
	const second = buildSite(dir, out);
	expect(second.status).not.toBe(0);
	expect(second.output).toMatch(/another build of .*dist is running \(pid \d+, started at \d{4}-\d\d-\d\dT/);

	// Ctrl-C while Astro runs: the staging folder and the lock go, the exit says it was interrupted.
	await expect.poll(() => fs.existsSync(`${out}.building-${first.pid}`), { timeout: 60_000 }).toBe(true);
	first.kill('SIGINT');
	const code = await new Promise<number | null>((resolve) =>
		first.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : null))),
	);
	expect(code, firstOutput).toBe(130);
	expect(fs.existsSync(`${out}.building-${first.pid}`)).toBe(false);
	expect(fs.existsSync(`${out}.lock`)).toBe(false);

	// The first build removed what the dead one had left, and said so; the next build completes.
	expect(fs.existsSync(dead)).toBe(false);
	expect(firstOutput).toContain('dist.building-999999/ left by a build that died');
	const third = buildSite(dir, out);
	expect(third.status, third.output).toBe(0);
	expect(fs.readdirSync(projectOf(dir)).filter((f) => f.startsWith('dist.'))).toEqual([]);
});

test('an output folder on another file system (tmpfs) builds and swaps atomically', () => {
	test.setTimeout(240_000);
	const shm = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
	const out = fs.mkdtempSync(path.join(shm, 'opsbook-out-'));
	try {
		const build = buildSite(makeFixture('minimal'), path.join(out, 'site'));
		expect(build.status, build.output).toBe(0);
		expect(fs.existsSync(path.join(out, 'site', 'index.html'))).toBe(true);
		expect(fs.readdirSync(out)).toEqual(['site']);
	} finally {
		fs.rmSync(out, { recursive: true, force: true });
	}
});

/** Every file of a built site as text: HTML, JSON, JS, SVG, gunzipped search fragments, the zip's entries, PDF text. */
function everyOutputText(root: string): Array<{ file: string; text: string }> {
	const out: Array<{ file: string; text: string }> = [];
	const add = (file: string, bytes: Uint8Array) => {
		let data = bytes;
		if (data[0] === 0x1f && data[1] === 0x8b) data = zlib.gunzipSync(data);
		out.push({ file, text: Buffer.from(data).toString('utf8') });
	};
	for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
		const file = path.join(root, rel);
		if (!fs.statSync(file).isFile()) continue;
		const bytes = fs.readFileSync(file);
		if (rel.endsWith('.zip')) {
			for (const [name, entry] of Object.entries(unzipSync(bytes))) add(`${rel}!${name}`, entry);
		} else if (rel.endsWith('.pdf')) {
			const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
			expect(text.status, 'pdftotext (poppler-utils) reads the PDF').toBe(0);
			out.push({ file: rel, text: text.stdout });
		} else add(rel, bytes);
	}
	return out;
}

test('the public edition carries no name, phone or e-mail of anyone in people:, in any output byte', () => {
	test.setTimeout(300_000);
	const dir = makeFixture('cards');
	const people = (
		parse(fs.readFileSync(path.join(dir, 'facts.yaml'), 'utf8')) as { people: Record<string, Record<string, string>> }
	).people;
	const secrets = Object.values(people)
		.flatMap((p) => [p.name, p.phone, p.phone?.replace(/\D/g, ''), p.email])
		.filter(Boolean) as string[];
	expect(secrets.length).toBeGreaterThan(2);
	const build = buildSite(dir, undefined, { OPSBOOK_PUBLIC: '1' });
	expect(build.status, build.output).toBe(0);
	const texts = everyOutputText(build.outDir);
	expect(
		texts.some((t) => t.file.endsWith('.pdf') && t.text.length > 20),
		'card PDFs were read',
	).toBe(true);
	expect(
		texts.some((t) => t.file.includes('pf_fragment')),
		'search fragments were read',
	).toBe(true);
	const hits = texts.flatMap((t) => secrets.filter((s) => t.text.includes(s)).map((s) => `${t.file}: ${s}`));
	expect(hits).toEqual([]);
	// The same content built normally does carry them: the scan would see a leak.
	const internal = buildSite(dir, `${build.outDir}-internal`, { OPSBOOK_CARD_PDFS: 'off' });
	expect(internal.status, internal.output).toBe(0);
	expect(everyOutputText(internal.outDir).some((t) => secrets.some((s) => t.text.includes(s)))).toBe(true);
});
