/**
 * The facts as this build renders them: loaded once by the integration, redacted for the public edition when asked.
 * Pages and components read this one value; the Markdown plugins and the build steps get the same one.
 */
import type { Facts } from './schema.ts';
import siteFacts from 'virtual:opsbook/facts';

/** Served by the integration (src/core/virtual-config.ts) from the one copy it loaded and checked. */
export const facts: Facts = siteFacts;
