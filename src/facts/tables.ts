/**
 * The MDX components that render facts (<SeverityMatrix />, <Contacts />) as Markdown tables (mdast), for the
 * Markdown export. Same columns as the components, so the exported documents say what the site says.
 */
import type { Table, TableCell, TableRow } from 'mdast';
import type { Facts } from './schema.ts';
import { formatMinutes } from '../core/dates.ts';
import { autolinks } from '../core/mdast-autolinks.ts';

export function mdTable(head: string[], rows: string[][]): Table {
	const cell = (value: string): TableCell => ({ type: 'tableCell', children: value ? autolinks(value) : [] });
	const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
	return { type: 'table', align: head.map(() => null), children: [row(head), ...rows.map(row)] };
}

/** The severity matrix's columns, the same on the site (components-html.ts) and in the export. */
export const SEVERITY_COLUMNS = [
	'Level',
	'Customer impact',
	'Examples',
	'Acknowledge within',
	'Escalate if no progress in',
	'Updates every',
	'Who is paged',
	'Decides',
	'Review within',
];

export function severityTable(facts: Facts): Table {
	const role = (key: string) => facts.roles[key]?.title ?? key;
	return mdTable(
		SEVERITY_COLUMNS,
		facts.severities.map((s) => [
			`${s.id} · ${s.name}`,
			s.impact,
			s.examples.join('; '),
			formatMinutes(s.ackMinutes),
			formatMinutes(s.escalateAfterMinutes),
			formatMinutes(s.updateEveryMinutes),
			s.notify.map(role).join(', '),
			role(s.decides),
			`${s.reviewWithinDays} days`,
		]),
	);
}

/** Who holds each role and how to reach them; `roles` limits the table (default: every role), like <Contacts roles>. */
export function contactsTable(facts: Facts, roles: string[] = Object.keys(facts.roles)): Table {
	const person = (key?: string) => {
		const p = key ? facts.people[key] : undefined;
		return p ? [p.name, p.phone, p.email].filter(Boolean).join(', ') : '—';
	};
	return mdTable(
		['Role', 'Primary', 'Backup', 'Reach the role'],
		roles.map((key) => {
			const role = facts.roles[key];
			if (!role)
				throw new Error(
					`<Contacts roles>: unknown role "${key}"; roles in facts.yaml: ${Object.keys(facts.roles).join(', ')}`,
				);
			return [
				`${role.title} (${role.team})`,
				person(role.primary),
				person(role.backup),
				[role.pager, role.channel].filter(Boolean).join(' · ') || '—',
			];
		}),
	);
}
