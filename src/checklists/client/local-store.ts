/**
 * localStorage that never throws. Storage can be missing or blocked (private modes, pages opened from file:// in
 * some browsers, a full quota); then values live in memory for this page view and `persistent` is false, so the
 * checklist still works and can say that its ticks will not survive a reload.
 */
const memory = new Map<string, string>();

function storage(): Storage | undefined {
	try {
		const s = window.localStorage;
		const probe = '__opsbook_probe__';
		s.setItem(probe, probe);
		s.removeItem(probe);
		return s;
	} catch {
		return undefined;
	}
}

const store = storage();

export const persistent = store !== undefined;

export function readJson<T>(key: string, fallback: T): T {
	let text: string | null | undefined;
	try {
		text = store ? store.getItem(key) : memory.get(key);
	} catch {
		text = memory.get(key);
	}
	if (text == null) return fallback;
	try {
		return JSON.parse(text) as T;
	} catch {
		// Written by another version or edited by hand: treat as absent rather than break the page.
		return fallback;
	}
}

export function writeJson(key: string, value: unknown): boolean {
	const text = JSON.stringify(value);
	try {
		if (store) {
			store.setItem(key, text);
			return true;
		}
	} catch {
		// Quota exceeded or blocked mid-session: keep the value for this page view.
	}
	memory.set(key, text);
	return false;
}

export function readText(key: string): string | null {
	try {
		return store ? store.getItem(key) : (memory.get(key) ?? null);
	} catch {
		return memory.get(key) ?? null;
	}
}

export function writeText(key: string, value: string): void {
	try {
		if (store) {
			store.setItem(key, value);
			return;
		}
	} catch {
		// see writeJson
	}
	memory.set(key, value);
}

export function remove(key: string): void {
	memory.delete(key);
	try {
		store?.removeItem(key);
	} catch {
		// nothing stored, nothing to remove
	}
}

export function keysWithPrefix(prefix: string): string[] {
	const keys = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
	try {
		if (store) {
			for (let i = 0; i < store.length; i++) {
				const key = store.key(i);
				if (key?.startsWith(prefix)) keys.add(key);
			}
		}
	} catch {
		// blocked: memory keys only
	}
	return [...keys];
}
