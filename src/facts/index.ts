/**
 * facts.yaml: the one file of values that vary by deployment, and `{facts.x}` / `{env.x}` references to it in
 * documents. Every feature may import this folder.
 */
import { route } from '../core/routes.ts';

export { loadFacts, resolveFact, replaceFactReferences, FACT_REFERENCE, type LoadedFacts } from './facts.ts';
export { loadSiteFacts, siteFacts } from './load-site-facts.ts';
export { remarkFacts } from './remark-facts.ts';
export { contactsHtml, severityMatrixHtml, staticComponents } from './components-html.ts';
export type { Facts } from './schema.ts';

export const factsRoutes = [route('/environments.json', './routes/environments.json.ts', import.meta.url)];
