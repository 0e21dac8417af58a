/**
 * Text in serialised XML (the SVG the diagram renderer stores): decode entities, and escape for an attribute value or
 * for element text. One place for the string transforms in diagram-svg.ts, diagram-merge.ts and diagram-css-prune.ts.
 */
export function decodeXml(s: string): string {
	return s.replace(
		/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi,
		(_, dec?: string, hex?: string, name?: string) => {
			if (dec) return String.fromCodePoint(Number(dec));
			if (hex) return String.fromCodePoint(parseInt(hex, 16));
			return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name!.toLowerCase() as 'amp'];
		},
	);
}

/** For an attribute value in double quotes. */
export function escapeXml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For element text (a <style> element's stylesheet). */
export function escapeXmlText(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
