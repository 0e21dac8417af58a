/**
 * `opsbook alerts --runbook-urls [--write]`: the runbook_url annotation each alert of the rule files (config
 * `alertRules`) should carry: this site's /alerts/<Name>/, which follows the runbook when documents move. Prints the
 * changes; --write makes them in the rule files, touching only those values (templates such as
 * `{{ $labels.namespace }}` in other annotations, comments and layout stay byte for byte).
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkAlertLinks, loadRuleAlerts, runbookUrlFor, withRunbookUrls, type RuleAlert } from '../../alerts/index.ts';
import { loadSiteDocuments } from '../../core/site-documents.ts';
import { displayPath } from '../../core/paths.ts';
import { loadFacts } from '../../facts/facts.ts';
import { checkFrontmatter } from '../../quality/frontmatter.ts';
import { parseCommandArgs, str, UsageError, type Command } from '../args.ts';
import { loadProject } from '../project.ts';

const USAGE = `usage: opsbook alerts --runbook-urls [--write] [--site <url>] [--root <dir>]

Lists each alert of the rule files (option alertRules) with its runbook, and the runbook_url it should have.
  --runbook-urls  print the runbook_url annotations pointing at this site (/alerts/<Name>/)
  --write         change them in the rule files (only those values)
  --site <url>    the site's public address (default: Astro's site, else site.url in facts.yaml)`;

export const alertsCommand: Command = {
	name: 'alerts',
	summary: 'alerts of the rule files, their runbooks, and runbook_url annotations (--write updates them)',
	usage: USAGE,
	async run(argv) {
		const { values } = parseCommandArgs(argv, {
			'runbook-urls': { type: 'boolean' },
			write: { type: 'boolean' },
			site: { type: 'string' },
			root: { type: 'string' },
		});
		const project = await loadProject(path.resolve(str(values.root) ?? '.'));
		const { config } = project;
		if (!config.alertRules.length)
			throw new UsageError("no rule files: set alertRules in opsbook({...}), e.g. alertRules: ['rules/**/*.yaml']");
		const rules = loadRuleAlerts(config.alertRules);
		for (const p of rules.problems) console.warn(`warning: ${displayPath(p.file)}:${p.line} ${p.message}`);
		const loaded = loadFacts(config.contentDir);
		const site = loadSiteDocuments(config.contentDir, config);
		const { pages } = checkFrontmatter(site.all, loaded, 'default', config.kinds);
		const report = checkAlertLinks(pages, loaded, rules.alerts);

		if (!values['runbook-urls']) {
			for (const a of rules.alerts)
				console.log(
					`${a.name}\t${report.targets.has(a.name) ? `/${report.targets.get(a.name)}/` : '(no runbook)'}\t${displayPath(a.file)}:${a.line}`,
				);
			return 0;
		}
		const address = str(values.site) ?? project.site ?? (loaded.missing ? undefined : loaded.facts.site.url);
		if (!address)
			throw new UsageError(
				'the site has no public address: pass --site https://ops.example.com or set site in astro.config',
			);
		const siteUrl = new URL(config.base, address.endsWith('/') ? address : `${address}/`).href;
		const urls: Record<string, string> = {};
		let changes = 0;
		for (const a of rules.alerts) {
			if (!report.targets.has(a.name)) {
				console.log(
					`${displayPath(a.file)}:${a.line} ${a.name}: no runbook, left as it is${a.runbookUrl ? ` (${a.runbookUrl})` : ''}`,
				);
				continue;
			}
			urls[a.name] = runbookUrlFor(siteUrl, a.name, a.runbookUrl);
			if (urls[a.name] === a.runbookUrl) continue;
			changes++;
			console.log(
				`${displayPath(a.file)}:${a.line} ${a.name}: runbook_url ${a.runbookUrl ?? '(none)'} → ${urls[a.name]}`,
			);
		}
		if (values.write) {
			const byFile = new Map<string, RuleAlert[]>();
			for (const a of rules.alerts) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);
			let written = 0;
			for (const [file, alerts] of byFile) {
				const before = fs.readFileSync(file, 'utf8');
				const after = withRunbookUrls(before, alerts, urls);
				if (after !== before) {
					fs.writeFileSync(file, after);
					written++;
				}
			}
			console.log(
				`${changes} runbook_url annotation${changes === 1 ? '' : 's'} updated in ${written} file${written === 1 ? '' : 's'}.`,
			);
		} else console.log(`${changes} runbook_url annotation${changes === 1 ? '' : 's'} to change; --write changes them.`);
		return 0;
	},
};
