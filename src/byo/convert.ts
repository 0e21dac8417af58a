/**
 * One Markdown file of another tool's tree, converted to what Opsbook reads natively (`opsbook import`): YAML front
 * matter with Opsbook's names (Hugo `weight` → `order`, `summary` → `description`, TOML → YAML, theme switches
 * dropped), MkDocs admonitions → GitHub alerts (`> [!WARNING]`) or <details>, Hugo container shortcodes → their
 * inner text, `{{< ref "x.md" >}}` → the link, GitLab's `[[_TOC_]]` → gone (every page has its contents box).
 * What it cannot convert stays as written and is listed with its line. Converting a converted file changes nothing,
 * so an import can be run again. Pure.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CONTAINER_SHORTCODES, SHORTCODE } from './remark-byo.ts';

export interface Conversion {
	text: string;
	/** What changed, one line each ("front matter: weight → order"). */
	changes: string[];
	/** What stays as written because Opsbook has no equivalent, with its line. */
	unconverted: Array<{ line: number; what: string }>;
}

const RENAMES: Array<[string, string]> = [
	['weight', 'order'],
	['sidebar_position', 'order'],
	['nav_order', 'order'],
	['summary', 'description'],
	['redirect_from', 'aliases'],
];
const DROPPED = new Set([
	'bookHidden',
	'bookFlatSection',
	'bookToc',
	'bookCollapseSection',
	'bookComments',
	'bookSearchExclude',
	'hide',
	'hidden',
	'sidebar_label',
	'sidebar_class_name',
	'hide_title',
	'hide_table_of_contents',
	'toc',
	'layout',
	'menu',
	'type',
	'linkTitle',
	'pagination_label',
	'pagination_next',
	'pagination_prev',
	'custom_edit_url',
	'nav_exclude',
	'has_children',
	'parent',
]);
const ALERT_TYPES: Record<string, string> = {
	note: 'NOTE',
	info: 'NOTE',
	abstract: 'NOTE',
	summary: 'NOTE',
	tldr: 'NOTE',
	example: 'NOTE',
	quote: 'NOTE',
	cite: 'NOTE',
	tip: 'TIP',
	hint: 'TIP',
	success: 'TIP',
	check: 'TIP',
	done: 'TIP',
	question: 'TIP',
	help: 'TIP',
	faq: 'TIP',
	important: 'IMPORTANT',
	warning: 'WARNING',
	caution: 'WARNING',
	attention: 'WARNING',
	danger: 'CAUTION',
	error: 'CAUTION',
	failure: 'CAUTION',
	fail: 'CAUTION',
	missing: 'CAUTION',
	bug: 'CAUTION',
};
const ADMONITION = /^(\s*)(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$/;

export function convertMarkdown(source: string, options: { navOrder?: number | undefined } = {}): Conversion {
	const changes: string[] = [];
	const unconverted: Conversion['unconverted'] = [];
	const { text: withFront, bodyStart } = convertFrontmatter(source, options.navOrder, changes);
	const lines = withFront.split('\n');
	const head = lines.slice(0, bodyStart);
	// Lines are reported as the source has them: its front matter may have been longer.
	const sourceFront = /^(\+\+\+|---)\r?\n[\s\S]*?\r?\n\1[ \t]*\r?\n?/.exec(source)?.[0] ?? '';
	const body = convertBody(
		lines.slice(bodyStart),
		sourceFront ? sourceFront.split('\n').length - 1 : 0,
		changes,
		unconverted,
	);
	return { text: [...head, ...body].join('\n'), changes: [...new Set(changes)], unconverted };
}

function convertFrontmatter(
	source: string,
	navOrder: number | undefined,
	changes: string[],
): { text: string; bodyStart: number } {
	const toml = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*\r?\n?/.exec(source);
	const yaml = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n?/.exec(source);
	const match = toml ?? yaml;
	let data: Record<string, unknown> = {};
	try {
		if (toml) data = parseToml(toml[1]!) as Record<string, unknown>;
		else if (yaml) data = (parseYaml(yaml[1]!) as Record<string, unknown> | null) ?? {};
	} catch {
		return { text: source, bodyStart: 0 };
	}
	const out: Record<string, unknown> = { ...data };
	let changed = Boolean(toml);
	if (toml) changes.push('front matter: TOML → YAML');
	for (const [from, to] of RENAMES) {
		if (out[from] === undefined) continue;
		if (out[to] === undefined) out[to] = out[from];
		delete out[from];
		changes.push(`front matter: ${from} → ${to}`);
		changed = true;
	}
	for (const key of Object.keys(out)) {
		if (DROPPED.has(key)) {
			delete out[key];
			changes.push(`front matter: ${key} dropped (a theme setting)`);
			changed = true;
		}
	}
	if (navOrder !== undefined && out.order === undefined) {
		out.order = navOrder;
		changes.push('front matter: order from mkdocs.yml nav');
		changed = true;
	}
	if (!changed) return { text: source, bodyStart: match ? match[0].split('\n').length - 1 : 0 };
	const rest = match ? source.slice(match[0].length) : source;
	const front = Object.keys(out).length ? `---\n${stringifyYaml(out, { lineWidth: 0 }).trimEnd()}\n---\n` : '';
	return { text: `${front}${rest}`, bodyStart: front ? front.split('\n').length - 1 : 0 };
}

function convertBody(
	lines: string[],
	offset: number,
	changes: string[],
	unconverted: Conversion['unconverted'],
): string[] {
	const out: string[] = [];
	let fence: string | undefined;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker) {
			if (!fence) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			out.push(line);
			continue;
		}
		if (fence) {
			out.push(line);
			continue;
		}
		if (/^\s*(\[\[_TOC_\]\]|\[TOC\])\s*$/.test(line)) {
			changes.push('[[_TOC_]] removed (every page has its contents box)');
			continue;
		}
		const adm = ADMONITION.exec(line);
		if (adm) {
			const [, indent = '', kind, type, title] = adm;
			const block: string[] = [];
			let j = i + 1;
			for (; j < lines.length; j++) {
				const next = lines[j]!;
				if (next.trim() === '') {
					block.push('');
					continue;
				}
				if (!next.startsWith(`${indent}    `) && !next.startsWith(`${indent}\t`)) break;
				block.push(next.slice(indent.length).replace(/^( {4}|\t)/, ''));
			}
			while (block.length && block.at(-1) === '') block.pop();
			while (block.length && block[0] === '') block.shift();
			const label = title ?? type!.charAt(0).toUpperCase() + type!.slice(1);
			if (kind!.startsWith('???')) {
				out.push(
					`${indent}<details${kind === '???+' ? ' open' : ''}>`,
					`${indent}<summary>${label}</summary>`,
					'',
					...block.map((b) => (b ? `${indent}${b}` : '')),
					'',
					`${indent}</details>`,
				);
				changes.push('MkDocs collapsible admonition → <details>');
			} else {
				const alert = ALERT_TYPES[type!.toLowerCase()] ?? 'NOTE';
				out.push(
					`${indent}> [!${alert}]`,
					...(title ? [`${indent}> **${title}**`, `${indent}>`] : []),
					...block.map((b) => `${indent}>${b ? ` ${b}` : ''}`),
				);
				changes.push(`MkDocs admonition → > [!${alert}]`);
			}
			out.push('');
			i = j - 1;
			continue;
		}
		let converted = line.replace(/\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}\s*\)/g, (_, target: string) => {
			changes.push('Hugo {{< ref >}} → relative link');
			return `](${target})`;
		});
		converted = converted.replace(SHORTCODE, (all, _open, _close, name: string) => {
			if (CONTAINER_SHORTCODES.has(name.toLowerCase())) {
				changes.push(`Hugo shortcode {{< ${name} >}} → its inner text`);
				return '';
			}
			unconverted.push({ line: offset + i + 1, what: `Hugo shortcode {{< ${name} >}} kept as written` });
			return all;
		});
		// A line that held only shortcode tags goes with them.
		if (converted.trim() === '' && line.trim() !== '') continue;
		out.push(converted);
	}
	return out;
}
