/**
 * The content stamp: which version of the documents a page shows (short git commit) and when it was built (UTC).
 * During an incident people compare what is on their screen, on a printed card and in the offline download; the
 * stamp tells them whether they are looking at the same build. Read once per build process; the footer, cards and
 * print styles all reuse it from here.
 */
import { execFileSync } from 'node:child_process';

export interface ContentStamp {
	/** Short commit of the repository the site was built from, or "uncommitted" when there is none (no git, no commit). */
	commit: string;
	/** Build time, ISO 8601 in UTC (for `<time datetime>` and machines). */
	builtAt: string;
	/** Build time for people: "2026-11-26 10:15 UTC". */
	builtAtText: string;
	/** One line: "Content a1b2c3d · built 2026-11-26 10:15 UTC". */
	text: string;
}

export const UNCOMMITTED = 'uncommitted';

function shortCommit(cwd: string): string {
	try {
		const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 5000,
		});
		return /^[0-9a-f]{4,40}$/.test(out.trim()) ? out.trim() : UNCOMMITTED;
	} catch {
		return UNCOMMITTED;
	}
}

/** Pure, for tests and for callers that already know the commit and time. */
export function makeStamp(commit: string, built: Date): ContentStamp {
	const builtAt = built.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const builtAtText = `${builtAt.slice(0, 10)} ${builtAt.slice(11, 16)} UTC`;
	return { commit, builtAt, builtAtText, text: `Content ${commit} · built ${builtAtText}` };
}

/** SOURCE_DATE_EPOCH (the reproducible-builds convention, seconds) pins the build time when set. */
function buildTime(env: NodeJS.ProcessEnv): Date {
	const epoch = Number(env.SOURCE_DATE_EPOCH);
	return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** A build's stamp, computed once by the integration so every page and the offline files carry the same one. */
export function contentStampFor(root: string, env: NodeJS.ProcessEnv = process.env): ContentStamp {
	return makeStamp(shortCommit(root), buildTime(env));
}
