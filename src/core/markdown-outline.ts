/** Headings of a Markdown body with their line numbers, skipping fenced code (where "## " is just text). */
export interface OutlineHeading {
	depth: number;
	text: string;
	line: number;
}

export function outline(body: string, firstLine = 1): OutlineHeading[] {
	const out: OutlineHeading[] = [];
	let fence: string | undefined;
	body.split('\n').forEach((raw, i) => {
		const line = raw.trimEnd();
		const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker) {
			if (!fence) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			return;
		}
		if (fence) return;
		const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (m) out.push({ depth: m[1]!.length, text: m[2]!, line: firstLine + i });
	});
	return out;
}
