/** The facts file, loaded once per build for pages and components (the Markdown plugins get it from the config). */
import { loadFacts } from './facts.ts';
import { contentDir } from './project-paths.ts';

export const { facts } = loadFacts(contentDir());
