/**
 * Quality gates: the content checks before the build (front matter, sections, facts, alerts, cards, records,
 * secrets, review dates) and the link check after it. `opsbook check` runs the first without a browser.
 */
export { checkAllContent, checkContent, checkOptionsFor, type CheckOptions } from './check-content.ts';
export { checkContentStep } from './content-check-integration.ts';
export { linkCheckStep } from './link-check-integration.ts';
export { readContentInputs } from './content-inputs.ts';
