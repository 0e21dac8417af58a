/**
 * The facts as this build renders them: loaded once, redacted for the public edition when asked. Pages, components
 * and the Markdown plugins (through astro.config.ts) all read this one value.
 */
import { loadFacts } from './facts.ts';
import { contentDir } from './project-paths.ts';
import { isPublicBuild, redactForPublic } from './public-facts.ts';

const loaded = loadFacts(contentDir()).facts;

export const facts = isPublicBuild() ? redactForPublic(loaded) : loaded;
