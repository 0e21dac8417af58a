/**
 * How much a document's body counts in search ranking, by kind. Search is the front door during an incident, so when
 * a runbook or playbook and a training page both match, the one to act on should come first. Training pages explain
 * the same alerts and systems at length, and would otherwise often outrank them. Their body counts 0.6 (Pagefind's
 * weights act quadratically, about a third of normal text); headings inside it take that weight too. A word that only
 * training covers still finds it. Other kinds keep Pagefind's defaults (no attribute).
 */
const BODY_WEIGHT: Partial<Record<string, number>> = { training: 0.6 };

/** The value for `data-pagefind-weight` on a document's body, or undefined for the default weight. */
export function bodyWeight(kind: string): string | undefined {
	const weight = BODY_WEIGHT[kind];
	return weight === undefined ? undefined : String(weight);
}
