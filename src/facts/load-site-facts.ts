import type { ResolvedConfig } from '../core/config.ts';
import { loadFacts, type LoadedFacts } from './facts.ts';
import { redactForPublic } from './public-facts.ts';
import type { Facts } from './schema.ts';

/** The site's facts (content/facts.yaml), redacted for the public edition, with the configured title applied. */
export function loadSiteFacts(site: Pick<ResolvedConfig, 'contentDir' | 'public' | 'title'>): Facts {
	return siteFacts(loadFacts(site.contentDir), site);
}

/** The same, from facts loaded already: a build reads facts.yaml once and hands it to every step. */
export function siteFacts(loadedFacts: LoadedFacts, site: Pick<ResolvedConfig, 'public' | 'title'>): Facts {
	const loaded = loadedFacts.facts;
	// A site without facts.yaml has no address of its own; the title option names it.
	const titled = site.title ? { ...loaded, site: { ...loaded.site, title: site.title } } : loaded;
	return site.public ? redactForPublic(titled) : titled;
}
