/**
 * The fence meta string: what follows the tag on the opening fence line.
 *
 *   ```promql allow=empty-aggregate-equality,rate-on-gauge
 *   ```bash destructive
 *
 * `allow=` takes rule ids, with or without the language prefix (`rate-on-gauge` or `promql/rate-on-gauge`), comma
 * separated; it may appear more than once. `destructive` marks the block as a destructive step. Other words
 * (`title="…"`, line-highlight ranges) belong to other plugins and are ignored.
 */
export interface FenceMeta {
	allow: string[];
	destructive: boolean;
}

export function parseMeta(meta: string | null | undefined): FenceMeta {
	const allow: string[] = [];
	let destructive = false;
	// Words outside quotes: a title like title="do not allow=x" must not count.
	for (const [word] of (meta ?? '').matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)) {
		if (word === 'destructive' || word === 'destructive=true') destructive = true;
		const allowed = /^allow=(.*)$/.exec(word)?.[1];
		if (allowed) {
			allow.push(
				...allowed
					.replace(/^["']|["']$/g, '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
			);
		}
	}
	return { allow, destructive };
}

/** True when `rule` (`promql/rate-on-gauge`) is in the allow list, written with or without its prefix. */
export function isAllowed(rule: string, allow: readonly string[]): boolean {
	const bare = rule.slice(rule.indexOf('/') + 1);
	return allow.some((a) => a === rule || a === bare);
}
