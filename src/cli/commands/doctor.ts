/** `opsbook doctor`: what Opsbook will run with: Node, the browser it found, and the configuration as resolved. */
import fs from 'node:fs';
import path from 'node:path';
import { BrowserNotFoundError, resolveBrowser } from '../../core/browser.ts';
import { packageRoot } from '../../core/package.ts';
import { displayPath } from '../../core/paths.ts';
import { parseCommandArgs, str, type Command } from '../args.ts';
import { loadProject } from '../project.ts';

const USAGE = `usage: opsbook doctor [--root <dir>] [--json]

Reports Node, the browser used for diagrams, card PDFs and tests, and the configuration as resolved.`;

export const doctorCommand: Command = {
	name: 'doctor',
	summary: 'report Node, the browser found and the resolved configuration',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, { root: { type: 'string' }, json: { type: 'boolean' } });
		const root = path.resolve(str(values.root) ?? '.');
		const version = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string;
		const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
		const nodeOk = major > 22 || (major === 22 && minor >= 12);
		let browser: string;
		let browserOk = true;
		try {
			const found = resolveBrowser();
			browser = `${found.executablePath} (${found.source})`;
		} catch (error) {
			if (!(error instanceof BrowserNotFoundError)) throw error;
			browserOk = false;
			browser = error.message.split('\n')[0]!;
		}
		const project = await loadProject(root);
		const { config } = project;
		const report = {
			opsbook: { version, package: packageRoot },
			node: { version: process.version, ok: nodeOk, needs: '>= 22.12' },
			browser: { found: browser, ok: browserOk },
			config: { file: project.configFile ?? '(none: defaults)', ...config },
		};
		if (values.json) {
			console.log(JSON.stringify(report, null, 2));
			return nodeOk ? 0 : 1;
		}
		const mark = (ok: boolean) => (ok ? 'ok  ' : 'FIX ');
		const features = Object.entries(config.features)
			.map(([k, on]) => `${k}${on ? '' : ' (off)'}`)
			.join(', ');
		console.log(
			[
				`opsbook ${version} (${displayPath(packageRoot)})`,
				`${mark(nodeOk)}node ${process.version}${nodeOk ? '' : ': Astro 7 needs Node 22.12 or newer'}`,
				`${mark(browserOk)}browser ${browser}${browserOk ? '' : ' (diagrams and card PDFs need one)'}`,
				'',
				`config       ${project.configFile ? displayPath(project.configFile) : '(no astro.config: defaults)'}`,
				`content      ${displayPath(config.contentDir)}/${fs.existsSync(config.contentDir) ? '' : '  (missing: run opsbook init)'}`,
				`output       ${displayPath(config.outDir)}/`,
				`base         ${config.base}`,
				`policy       ${displayPath(config.policyFile)}${fs.existsSync(config.policyFile) ? '' : '  (none)'}`,
				`public       ${config.public}`,
				`strictReview ${config.strictReview}`,
				`today        ${config.today ?? '(the real date)'}`,
				`features     ${features}`,
			].join('\n'),
		);
		return nodeOk ? 0 : 1;
	},
};
