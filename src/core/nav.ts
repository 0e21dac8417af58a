/** Pure navigation helpers over an ordered section (no Astro imports, so they are unit-testable). */

/** How many links the sidebar lists around the current page: bounded, so HTML never grows with the site. */
export const NAV_WINDOW = 12;

interface Item { id: string }

/** The slice of a section the sidebar shows: the whole section when small, else a window around the current page. */
export function navWindow<T extends Item>(section: T[], currentId: string | undefined, size = NAV_WINDOW): { items: T[]; truncated: boolean } {
	if (section.length <= size) return { items: section, truncated: false };
	const at = Math.max(0, section.findIndex((d) => d.id === currentId));
	const start = Math.min(Math.max(0, at - Math.floor(size / 2)), section.length - size);
	return { items: section.slice(start, start + size), truncated: true };
}

export function neighbours<T extends Item>(section: T[], id: string): { prev?: T | undefined; next?: T | undefined } {
	const i = section.findIndex((d) => d.id === id);
	return { prev: i > 0 ? section[i - 1] : undefined, next: i >= 0 ? section[i + 1] : undefined };
}
