/**
 * `opsbook init [dir]`: a new site to start from: a content folder (facts, one runbook with a diagram, one playbook,
 * one card), an astro.config.ts and a package.json depending on opsbook. It never overwrites a file that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isoDay, today } from '../../core/dates.ts';
import { packageRoot } from '../../core/package.ts';
import { displayPath } from '../../core/paths.ts';
import { parseCommandArgs, type Command } from '../args.ts';

const USAGE = `usage: opsbook init [dir]

Writes a starter site into dir (default: the current folder): content/, astro.config.ts and package.json.
Existing files are kept.`;

const TEMPLATE = path.join(packageRoot, 'src', 'cli', 'init-template');

export const initCommand: Command = {
	name: 'init',
	summary: 'start a site: content folder, astro.config.ts, package.json',
	usage: USAGE,
	async run(argv) {
		const { positionals } = parseCommandArgs(argv, {}, 1);
		const dir = path.resolve(positionals[0] ?? '.');
		fs.mkdirSync(dir, { recursive: true });
		const written: string[] = [];
		const kept: string[] = [];
		const day = isoDay(today());
		for (const rel of templateFiles(TEMPLATE)) {
			const target = path.join(dir, rel);
			if (fs.existsSync(target)) {
				kept.push(rel);
				continue;
			}
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, fs.readFileSync(path.join(TEMPLATE, rel), 'utf8').replaceAll('__TODAY__', day));
			written.push(rel);
		}
		const pkg = writePackageJson(dir);
		if (pkg) written.push('package.json');
		console.log(`Opsbook site in ${displayPath(dir) || '.'}:`);
		for (const f of written) console.log(`  wrote ${f}`);
		for (const f of kept) console.log(`  kept  ${f} (exists)`);
		console.log('\nNext: npx opsbook build   (then npx opsbook preview)');
		return 0;
	},
};

function templateFiles(root: string): string[] {
	return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter((e) => e.isFile())
		.map((e) => path.relative(root, path.join(e.parentPath, e.name)))
		.sort();
}

/** Adds opsbook and the scripts to an existing package.json, or writes one. Returns whether anything changed. */
function writePackageJson(dir: string): boolean {
	const file = path.join(dir, 'package.json');
	const own = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
	const pkg = fs.existsSync(file)
		? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
		: {
				name:
					path
						.basename(dir)
						.toLowerCase()
						.replace(/[^a-z0-9-]+/g, '-') || 'ops-site',
				private: true,
			};
	const before = JSON.stringify(pkg);
	pkg.type = 'module';
	const scripts = (pkg.scripts ?? {}) as Record<string, string>;
	for (const name of ['dev', 'build', 'preview', 'check']) scripts[name] ??= `opsbook ${name}`;
	pkg.scripts = scripts;
	const deps = (pkg.dependencies ?? {}) as Record<string, string>;
	deps.opsbook ??= `^${own.version}`;
	pkg.dependencies = deps;
	if (JSON.stringify(pkg) === before) return false;
	fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
	return true;
}
