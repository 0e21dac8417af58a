/**
 * The facts as this build renders them: loaded once, redacted for the public edition when asked. Pages and
 * components read this one value; the Markdown plugins get the same one from the integration.
 */
import config from 'virtual:opsbook/config';
import { loadSiteFacts } from './load-site-facts.ts';

export const facts = loadSiteFacts(config);
