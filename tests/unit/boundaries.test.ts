/**
 * The feature folders of src/ and the only edges allowed between them. Every feature may import core/ and facts/;
 * any other import across folders must be declared here, with the reason. The composition points (the integration
 * in src/index.ts, the package exports, the content config, the CLI and the benchmark) may import anything.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** folder → folders it may import besides core/ and facts/ (and why). */
const EDGES: Record<string, string[]> = {
	core: [], // the bottom: imports nothing of Opsbook
	facts: [],
	// The layout places the header widgets of these features and the diagram stylesheet.
	shell: ['search', 'offline', 'checklists', 'alerts', 'diagrams'],
	// Pages of these features are laid out by the shell's Base layout.
	alerts: ['shell'],
	cards: ['shell'],
	offline: ['shell'],
	records: ['shell'],
	// Search finds each alert's entry as the alert routes do (alerts/alert-targets.ts).
	search: ['shell', 'alerts'],
	// Incident sessions export records in the records' shape.
	checklists: ['records'],
	// The pre-build check runs every feature's own content check.
	quality: ['alerts', 'cards', 'records', 'commands', 'byo'],
	// Links, syntax of other tools and the coverage report for runbooks brought as they are; its page uses the shell.
	byo: ['shell'],
	// The Markdown export reads what the readiness computation reads.
	export: ['records', 'quality'],
	diagrams: [],
	commands: [],
	hosting: [],
};
const ANYTHING = new Set(['cli', 'bench']);
const ALWAYS = new Set(['core', 'facts']);

export interface Violation {
	file: string;
	imports: string;
}

export function findViolations(files: Array<{ file: string; text: string }>): Violation[] {
	const out: Violation[] = [];
	for (const { file, text } of files) {
		const from = file.split('/')[0]!;
		if (!file.includes('/') || ANYTHING.has(from)) continue;
		for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g)) {
			const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
			const to = target.split('/')[0]!;
			if (to === from || !target.includes('/') || (ALWAYS.has(to) && from !== 'core') || EDGES[from]?.includes(to))
				continue;
			if (from === 'core' || from === 'facts' || !EDGES[from]?.includes(to)) out.push({ file, imports: target });
		}
	}
	return out;
}

function sourceFiles(): Array<{ file: string; text: string }> {
	return (fs.readdirSync(SRC, { recursive: true }) as string[])
		.map((f) => f.split(path.sep).join('/'))
		.filter((f) => /\.(ts|astro)$/.test(f) && fs.statSync(path.join(SRC, f)).isFile())
		.map((file) => ({ file, text: fs.readFileSync(path.join(SRC, file), 'utf8') }));
}

test('every top-level folder of src/ is a declared feature', () => {
	const folders = fs
		.readdirSync(SRC, { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name);
	const unknown = folders.filter((f) => !(f in EDGES) && !ANYTHING.has(f));
	assert.deepEqual(unknown, [], `declare these folders in tests/unit/boundaries.test.ts: ${unknown.join(', ')}`);
	assert.ok(!folders.includes('utils'), 'no utils/ junk drawer');
});

test('every feature folder has an index.ts as its public surface', () => {
	const missing = Object.keys(EDGES).filter(
		(f) => fs.existsSync(path.join(SRC, f)) && !fs.existsSync(path.join(SRC, f, 'index.ts')),
	);
	assert.deepEqual(missing, []);
});

test('features import core/, facts/ and declared edges only', () => {
	const violations = findViolations(sourceFiles());
	assert.deepEqual(violations, [], violations.map((v) => `${v.file} imports ${v.imports}`).join('\n'));
});

test('the rule catches an undeclared edge and core importing a feature', () => {
	const found = findViolations([
		{ file: 'diagrams/x.ts', text: "import { a } from '../search/y.ts';" },
		{ file: 'core/x.ts', text: "import { a } from '../facts/y.ts';" },
		{ file: 'search/x.ts', text: "import { a } from '../alerts/y.ts';\nimport b from '../core/z.ts';" },
	]);
	assert.deepEqual(found, [
		{ file: 'diagrams/x.ts', imports: 'search/y.ts' },
		{ file: 'core/x.ts', imports: 'facts/y.ts' },
	]);
});

/** The core/ modules browser code (any client/ folder) imports, directly or through them. */
function coreModulesOfBrowserCode(files: Array<{ file: string; text: string }>): string[] {
	const byFile = new Map(files.map((f) => [f.file, f.text]));
	const found = new Set<string>();
	const queue = files.filter((f) => f.file.split('/').includes('client')).map((f) => f.file);
	while (queue.length) {
		const file = queue.shift()!;
		for (const m of (byFile.get(file) ?? '').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g)) {
			const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
			if (!target.startsWith('core/') || found.has(target)) continue;
			found.add(target);
			queue.push(target);
		}
	}
	return [...found].sort();
}

test('what browser code imports from core/ imports no Node module', () => {
	const files = sourceFiles();
	const modules = coreModulesOfBrowserCode(files);
	assert.ok(modules.includes('core/search-bundle.ts'), modules.join(', '));
	const text = new Map(files.map((f) => [f.file, f.text]));
	const nodeImports = modules.filter((m) => /(?:from|import)\s*\(?\s*['"]node:/.test(text.get(m) ?? ''));
	assert.deepEqual(nodeImports, [], 'these run in the browser: keep Node out of them');
});
