/**
 * The one module that reads Opsbook's environment variables. They are overrides for CI and scripts only: the
 * configuration lives in `opsbook({...})` in astro.config.ts, and a variable set here wins over it for one run.
 *
 *   OPSBOOK_CONTENT        content folder                      OPSBOOK_BASE           base path ("/ops/")
 *   OPSBOOK_PUBLIC         1 = public edition (no names)       OPSBOOK_STRICT_REVIEW  1 = overdue reviews fail
 *   OPSBOOK_TODAY          fixed date, YYYY-MM-DD              OPSBOOK_CARD_PDFS      off = no card PDFs
 *   OPSBOOK_CHROMIUM       browser executable                  OPSBOOK_OUT_DIR        output folder (tests, bench)
 *   OPSBOOK_PROFILE        default | strict: the level checked (try strict before switching a site to it)
 */
export interface EnvOverrides {
	content?: string;
	outDir?: string;
	base?: string;
	public?: boolean;
	strictReview?: boolean;
	today?: string;
	cardPdfs?: boolean;
	chromium?: string;
	profile?: 'default' | 'strict';
}

const flag = (value: string | undefined): boolean | undefined =>
	value === undefined || value === '' ? undefined : /^(1|true|yes|on)$/i.test(value);

export function envOverrides(env: NodeJS.ProcessEnv = process.env): EnvOverrides {
	const out: EnvOverrides = {};
	if (env.OPSBOOK_CONTENT) out.content = env.OPSBOOK_CONTENT;
	if (env.OPSBOOK_OUT_DIR) out.outDir = env.OPSBOOK_OUT_DIR;
	if (env.OPSBOOK_BASE) out.base = env.OPSBOOK_BASE;
	const pub = flag(env.OPSBOOK_PUBLIC);
	if (pub !== undefined) out.public = pub;
	const strict = flag(env.OPSBOOK_STRICT_REVIEW);
	if (strict !== undefined) out.strictReview = strict;
	if (env.OPSBOOK_TODAY) out.today = env.OPSBOOK_TODAY;
	const pdfs = flag(env.OPSBOOK_CARD_PDFS);
	if (pdfs !== undefined) out.cardPdfs = pdfs;
	if (env.OPSBOOK_CHROMIUM) out.chromium = env.OPSBOOK_CHROMIUM;
	if (env.OPSBOOK_PROFILE === 'default' || env.OPSBOOK_PROFILE === 'strict') out.profile = env.OPSBOOK_PROFILE;
	return out;
}
