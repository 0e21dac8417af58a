/**
 * Copying text from a button, for every copy button of the site (code blocks, checklist progress, session exports).
 * The Clipboard API can be refused (no permission, a page not served over HTTPS, an old browser); callers then fall
 * back to showing the text selected, so the reader copies it with one key press rather than retyping it. Browser
 * code: no imports.
 */

/** What a caller says when the clipboard refused and the text is shown selected instead. */
export const COPY_SELECTED_TEXT = 'Copy the selected text (Ctrl+C or ⌘C).';

/** Writes `text` to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/** The fallback: the field is focused with all its text selected, so Ctrl+C (⌘C) copies exactly that text. */
export function selectForCopy(field: HTMLTextAreaElement | HTMLInputElement): void {
	field.focus();
	field.select();
}
