/**
 * The contacts table and the severity matrix as functions of the facts that return HTML: the one source for the
 * <Contacts> and <SeverityMatrix> components (thin wrappers) and for MDX documents the docs loader renders as
 * Markdown (src/core/simple-mdx.ts), whose pages then need no Vite module of their own.
 *
 * The markup is byte for byte what the .astro templates produced (Astro's compressed output, its escaping: text
 * `& < > ' "`, attribute values `& "`), so a page reads the same whichever path rendered it.
 */
import { formatMinutes } from '../core/dates.ts';
import type { StaticComponent } from '../core/simple-mdx.ts';
import type { Facts } from './schema.ts';
import { SEVERITY_COLUMNS } from './tables.ts';

/** Text content, escaped as Astro escapes an expression's string. */
export function escapeText(value: unknown): string {
	return String(value ?? '').replace(/[&<>'"]/g, (c) => TEXT_ENTITIES[c]!);
}

/** An attribute value between double quotes, escaped as Astro escapes one. */
export function escapeAttribute(value: unknown): string {
	return String(value ?? '')
		.replaceAll('&', '&amp;')
		.replaceAll('"', '&quot;');
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

export interface ContactsProps {
	/** Role keys to list, in this order; by default every role of facts.yaml. */
	roles?: string[] | undefined;
}

/** Who holds each role and how to reach them. An unknown role key throws, naming the roles that exist. */
export function contactsHtml(facts: Facts, props: ContactsProps = {}): string {
	const roles = props.roles;
	if (roles !== undefined && (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')))
		throw new Error('<Contacts roles>: a list of role keys, like roles={["incident-commander"]}');
	const keys = roles ?? Object.keys(facts.roles);
	for (const key of keys)
		if (!Object.hasOwn(facts.roles, key))
			throw new Error(
				`<Contacts roles>: unknown role "${key}"; roles in facts.yaml: ${Object.keys(facts.roles).join(', ')}`,
			);
	const cell = (personKey: string | undefined): string => {
		const p = personKey ? facts.people[personKey] : undefined;
		if (!p) return '<td>—</td>';
		let out = escapeText(p.name);
		if (p.phone)
			out += `<br><a href="tel:${escapeAttribute(p.phone.replace(/[^+\d]/g, ''))}">${escapeText(p.phone)}</a>`;
		if (p.email) out += `<br><a href="mailto:${escapeAttribute(p.email)}">${escapeText(p.email)}</a>`;
		return `<td>${out}</td>`;
	};
	const rows = keys.map((key) => {
		const role = facts.roles[key]!;
		const reach = [role.pager, role.channel].filter(Boolean).join(' · ') || '—';
		return (
			`<tr id="role-${escapeAttribute(key)}"><th scope="row">${escapeText(role.title)}<br>` +
			`<span class="muted">${escapeText(role.team)}</span></th>${cell(role.primary)}${cell(role.backup)}` +
			`<td>${escapeText(reach)}</td></tr>`
		);
	});
	return (
		'<div class="table-scroll" tabindex="0" role="region" aria-label="Contacts by role"><table class="contacts">' +
		'<thead><tr><th scope="col">Role</th><th scope="col">Primary</th><th scope="col">Backup</th>' +
		`<th scope="col">Reach the role</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
	);
}

/** The severity levels: every page that shows them uses this, so the definitions are identical everywhere. */
export function severityMatrixHtml(facts: Facts, _props: Record<string, unknown> = {}): string {
	const roleTitle = (key: string) => facts.roles[key]?.title ?? key;
	const rows = facts.severities.map(
		(s) =>
			`<tr id="severity-${escapeAttribute(s.id.toLowerCase())}"><th scope="row">` +
			`<span class="sev-band" style="--sev:${escapeAttribute(s.color)}">${escapeText(s.id)} · ${escapeText(s.name)}` +
			`</span></th><td>${escapeText(s.impact)}</td>` +
			`<td><ul>${s.examples.map((e) => `<li>${escapeText(e)}</li>`).join('')}</ul></td>` +
			`<td>${escapeText(formatMinutes(s.ackMinutes))}</td>` +
			`<td>${escapeText(formatMinutes(s.escalateAfterMinutes))}</td>` +
			`<td>${escapeText(formatMinutes(s.updateEveryMinutes))}</td>` +
			`<td>${escapeText(s.notify.map(roleTitle).join(', '))}</td><td>${escapeText(roleTitle(s.decides))}</td>` +
			`<td>${escapeText(s.reviewWithinDays)} days</td></tr>`,
	);
	const head = SEVERITY_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('');
	return (
		'<div class="table-scroll" tabindex="0" role="region" aria-label="Severity levels">' +
		`<table class="severity-matrix"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
	);
}

/**
 * The components the docs loader may render without MDX, bound to the facts the pages read (the public edition's
 * redacted copy when that is built). AlertChart is not one of them: its chart is computed from the alert's rule.
 */
export function staticComponents(facts: Facts): Record<string, StaticComponent> {
	return {
		Contacts: (props) => contactsHtml(facts, props as ContactsProps),
		SeverityMatrix: (props) => severityMatrixHtml(facts, props),
	};
}
