/**
 * `opsbook import <dir> [--into content]`: copies a Hugo, MkDocs, Docusaurus, GitLab-style or plain Markdown tree
 * into a content folder, converting what Opsbook reads differently (src/byo/convert.ts) and printing, file by file,
 * what it changed and what it could not. The build reads such trees as they are; importing is for a team that wants
 * the files in Opsbook's own form. Running it again gives the same files (nothing left to change).
 */
import fs from 'node:fs';
import path from 'node:path';
import { convertMarkdown } from '../../byo/convert.ts';
import { mkdocsNavOrder } from '../../core/site-documents.ts';
import { displayPath } from '../../core/paths.ts';
import { parseCommandArgs, str, UsageError, type Command } from '../args.ts';

const USAGE = `usage: opsbook import <dir> [--into <folder>] [--dry-run]

Copies a Markdown tree (Hugo, MkDocs, Docusaurus, GitLab-style or plain) into the content folder, converting
front matter, admonitions, shortcodes and mkdocs.yml nav order; lists what changed and what could not be converted.
  --into <folder>  where the documents go (default: content)
  --dry-run        only print what would change`;

export type TreeStyle = 'hugo' | 'mkdocs' | 'docusaurus' | 'plain';

/** Which tool the tree was written for, and where its documents are. */
export function detectTree(dir: string): { style: TreeStyle; docs: string } {
	const has = (f: string) => fs.existsSync(path.join(dir, f));
	if (['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml'].some(has) && has('content'))
		return { style: 'hugo', docs: path.join(dir, 'content') };
	if (has('mkdocs.yml') || has('mkdocs.yaml')) {
		const text = fs.readFileSync(path.join(dir, has('mkdocs.yml') ? 'mkdocs.yml' : 'mkdocs.yaml'), 'utf8');
		const docsDir = /^docs_dir:\s*['"]?([^'"\n]+)/m.exec(text)?.[1]?.trim() ?? 'docs';
		return { style: 'mkdocs', docs: path.join(dir, docsDir) };
	}
	if (['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs'].some(has) && has('docs'))
		return { style: 'docusaurus', docs: path.join(dir, 'docs') };
	return { style: 'plain', docs: dir };
}

const SKIP = new Set(['node_modules', '.git', 'themes', 'public', 'resources', 'site', 'build']);

export const importCommand: Command = {
	name: 'import',
	summary: 'copy a Hugo, MkDocs, Docusaurus, GitLab-style or plain Markdown tree into the content folder',
	usage: USAGE,
	async run(argv) {
		const { values, positionals } = parseCommandArgs(
			argv,
			{ into: { type: 'string' }, 'dry-run': { type: 'boolean' } },
			1,
		);
		if (!positionals[0]) throw new UsageError('which folder? opsbook import <dir>');
		const from = path.resolve(positionals[0]);
		if (!fs.existsSync(from)) throw new UsageError(`no folder ${positionals[0]}`);
		const into = path.resolve(str(values.into) ?? 'content');
		const dry = values['dry-run'] === true;
		const { style, docs } = detectTree(from);
		const nav = style === 'mkdocs' ? mkdocsNavOrder(docs) : new Map<string, number>();
		console.log(`${displayPath(from)}: ${style} tree, documents in ${displayPath(docs)}/ → ${displayPath(into)}/`);
		let files = 0;
		let converted = 0;
		let notes = 0;
		const walk = (abs: string, rel: string) => {
			for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
				if (entry.name.startsWith('.') || (entry.isDirectory() && SKIP.has(entry.name) && abs === docs)) continue;
				const childAbs = path.join(abs, entry.name);
				const childRel = rel ? `${rel}/${entry.name}` : entry.name;
				if (path.resolve(childAbs) === into) continue;
				if (entry.isDirectory()) {
					walk(childAbs, childRel);
					continue;
				}
				if (!entry.isFile()) continue;
				const target = path.join(into, childRel);
				files++;
				let bytes: Buffer | string = fs.readFileSync(childAbs);
				if (/\.mdx?$/i.test(entry.name)) {
					const result = convertMarkdown(bytes.toString('utf8'), { navOrder: nav.get(childRel) });
					bytes = result.text;
					if (result.changes.length) {
						converted++;
						console.log(`  ${childRel}: ${result.changes.join('; ')}`);
					}
					for (const u of result.unconverted) {
						notes++;
						console.log(`  ${childRel}:${u.line} not converted: ${u.what}`);
					}
				}
				if (dry) continue;
				const same = fs.existsSync(target) && Buffer.compare(fs.readFileSync(target), Buffer.from(bytes)) === 0;
				if (same) continue;
				fs.mkdirSync(path.dirname(target), { recursive: true });
				fs.writeFileSync(target, bytes);
			}
		};
		walk(docs, '');
		console.log(
			`${files} files ${dry ? 'to copy' : 'copied'}, ${converted} converted, ${notes} things left as written.`,
		);
		return 0;
	},
};
