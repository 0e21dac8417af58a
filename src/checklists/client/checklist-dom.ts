/**
 * Reads the checklists on the page from the data attributes src/checklists/rehype-task-lists.ts writes at build time.
 * Shared by the checklist script and the incident session (which snapshots the checklists a session sees).
 */
export interface PhaseInfo {
	id: string;
	title: string;
	minutes: number;
}

export interface ChecklistItem {
	key: string;
	li: HTMLLIElement;
	input: HTMLInputElement;
	label: HTMLLabelElement | null;
	/** Nesting level inside the checklist, 0 for top-level items. */
	depth: number;
}

export interface PageChecklist {
	root: HTMLElement;
	position: number;
	doc: string;
	docTitle: string;
	hash: string;
	title: string;
	phase?: string;
	phaseTitle?: string;
	/** The document's declared phases (empty when it declares none). */
	docPhases: PhaseInfo[];
	items: ChecklistItem[];
}

export function pageChecklists(scope: ParentNode = document): PageChecklist[] {
	return [...scope.querySelectorAll<HTMLElement>('[data-checklist][data-checklist-hash]')].map((root) => {
		const data = root.dataset;
		const items = [...root.querySelectorAll<HTMLLIElement>('li[data-item]')].flatMap((li) => {
			const input = li.querySelector<HTMLInputElement>(
				':scope > input[type=checkbox], :scope > p > input[type=checkbox]',
			);
			if (!input) return [];
			let depth = 0;
			for (let el = li.parentElement; el && el !== root; el = el.parentElement)
				if (el.matches('li[data-item]')) depth++;
			return [
				{
					key: li.dataset.item!,
					li,
					input,
					label: input.parentElement!.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(input.id)}"]`),
					depth,
				},
			];
		});
		return {
			root,
			position: Number(data.checklist),
			doc: data.checklistDoc ?? location.pathname,
			docTitle: data.docTitle ?? document.title,
			hash: data.checklistHash!,
			title: data.checklistTitle ?? '',
			...(data.phase ? { phase: data.phase, phaseTitle: data.phaseTitle ?? data.phase } : {}),
			docPhases: parsePhases(data.docPhases),
			items,
		};
	});
}

/** The item's text as the reader sees it now (environment values included), without the tick time. */
export function itemText(item: ChecklistItem): string {
	return (item.label?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function parsePhases(json: string | undefined): PhaseInfo[] {
	if (!json) return [];
	try {
		const value = JSON.parse(json) as unknown;
		return Array.isArray(value) ? (value as PhaseInfo[]) : [];
	} catch {
		return [];
	}
}
