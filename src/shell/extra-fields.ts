/**
 * How the Details block shows a site's own front-matter fields (config `frontmatter`): a label from the field's name
 * and its value as text. The site declared the fields as a Zod object; pages get only their names and the values
 * as written, already validated by the content check.
 */
import { isoDay } from '../core/dates.ts';

/** `pagerdutyService` → "Pagerduty service", `escalation_policy` → "Escalation policy". */
export function fieldLabel(key: string): string {
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.trim()
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as one line of text: lists joined with commas, dates as days, objects as `key: value` pairs. */
export function fieldText(value: unknown): string {
	if (value instanceof Date) return isoDay(value);
	if (Array.isArray(value)) return value.map(fieldText).join(', ');
	if (value && typeof value === 'object')
		return Object.entries(value)
			.map(([k, v]) => `${k}: ${fieldText(v)}`)
			.join('; ');
	return String(value);
}
