/**
 * MDX mistakes found before Astro compiles anything, each named by file:line:column (issue #22). Left to the build,
 * they surface as the page URL only, or as `file:0:0`:
 *   - syntax: an unclosed tag or a broken expression (remark-mdx's own message and position);
 *   - an import whose file does not exist;
 *   - a component that is neither one of Opsbook's nor imported;
 *   - an expression that throws when evaluated (`{facts.nope.x}`, `{notDefined}`), tried in a sandbox where every
 *     imported or exported name exists, so only what is wrong on its own is reported.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseDocument } from '../commands/index.ts';
import type { ContentProblem } from '../core/errors.ts';

/** Components documents and cards use without importing them (src/shell/mdx-components.ts, cards). */
export const BUILT_IN_COMPONENTS = new Set([
	'SeverityMatrix',
	'Contacts',
	'AlertChart',
	'CardSeverities',
	'CardContacts',
]);

interface Positioned {
	position?: { start: { line: number; column: number } } | undefined;
}

export function checkMdxSource(file: string, source: string, components = BUILT_IN_COMPONENTS): ContentProblem[] {
	let tree: Root;
	try {
		tree = parseDocument(source, { mdx: true }).tree;
	} catch (error) {
		return [mdxSyntaxProblem(file, error)];
	}
	return checkMdxTree(file, tree, components);
}

/** The parser's own message and position, for a document that is not valid MDX. */
export function mdxSyntaxProblem(file: string, error: unknown): ContentProblem {
	const e = error as { line?: number; column?: number; reason?: string; message: string };
	return { file, line: e.line ?? 1, column: e.column ?? 1, field: 'MDX', message: e.reason ?? e.message };
}

/** Components, imports and expressions of a parsed MDX document (positions are the file's own). */
export function checkMdxTree(file: string, tree: Root, components = BUILT_IN_COMPONENTS): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const at = (node: Positioned, message: string) =>
		problems.push({
			file,
			line: node.position?.start.line ?? 1,
			column: node.position?.start.column ?? 1,
			field: 'MDX',
			message,
		});
	const defined = new Set<string>(['frontmatter', 'props']);
	visit(tree, 'mdxjsEsm', (node) => {
		const program = (node as { data?: { estree?: { body: EsNode[] } } }).data?.estree;
		for (const statement of program?.body ?? []) {
			for (const name of declaredNames(statement)) defined.add(name);
			if (statement.type === 'ImportDeclaration' && typeof statement.source?.value === 'string') {
				const spec = statement.source.value;
				if (!resolves(spec, file)) at(node, `import "${spec}" cannot be found (from ${path.basename(file)})`);
			}
		}
	});
	visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
		const name = (node as { name?: string | null }).name;
		if (!name || !/^[A-Z]/.test(name)) return;
		const root = name.split('.')[0]!;
		if (!components.has(root) && !defined.has(root)) {
			const known = [...components].join(', ');
			at(node, `unknown component <${name}>: import it, or use one of ${known}`);
		}
	});
	visit(tree, ['mdxFlowExpression', 'mdxTextExpression'], (node) => {
		const value = (node as { value: string }).value.trim();
		// `{facts.x}` / `{env.x}` are fact references, replaced before MDX sees them (and checked by the facts check).
		if (!value || /^\/\*[\s\S]*\*\/$/.test(value) || /^(facts|env)\.[\w.-]+$/.test(value)) return;
		const thrown = throws(value, defined);
		if (thrown) at(node, `the expression {${value.length > 60 ? `${value.slice(0, 57)}…` : value}} throws: ${thrown}`);
	});
	return problems;
}

interface EsNode {
	type: string;
	source?: { value?: unknown };
	specifiers?: Array<{ local?: { name?: string } }>;
	declaration?: { id?: { name?: string }; declarations?: Array<{ id?: { name?: string } }> } | null;
}

function declaredNames(statement: EsNode): string[] {
	const names = (statement.specifiers ?? []).map((s) => s.local?.name);
	const d = statement.declaration;
	if (d?.id?.name) names.push(d.id.name);
	for (const v of d?.declarations ?? []) names.push(v.id?.name);
	return names.filter((n): n is string => Boolean(n));
}

function resolves(spec: string, from: string): boolean {
	if (spec.startsWith('.') || spec.startsWith('/')) {
		const target = path.resolve(path.dirname(from), spec);
		return ['', '.ts', '.js', '.mjs', '.astro', '.mdx', '.md', '.json'].some((ext) => fs.existsSync(target + ext));
	}
	if (spec.startsWith('astro:') || spec.startsWith('virtual:')) return true;
	try {
		createRequire(from).resolve(
			`${spec
				.split('/')
				.slice(0, spec.startsWith('@') ? 2 : 1)
				.join('/')}/package.json`,
		);
		return true;
	} catch {
		return false;
	}
}

/**
 * Evaluates an expression with every name the document defines bound to a permissive stand-in. Returns the error
 * message when it throws on its own (an undefined name, a property of undefined), else undefined. 50 ms at most.
 */
function throws(expression: string, defined: Set<string>): string | undefined {
	const anything: unknown = new Proxy(() => anything, {
		get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : anything),
	});
	const context = vm.createContext(Object.fromEntries([...defined].map((name) => [name, anything])));
	try {
		new vm.Script(`(${expression})`).runInContext(context, { timeout: 50 });
		return undefined;
	} catch (error) {
		const e = error as Error;
		// Syntax the evaluator cannot take on its own (JSX inside the expression) is MDX's business, not a throw.
		if (e?.name === 'SyntaxError') return undefined;
		return `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`;
	}
}
