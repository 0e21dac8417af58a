/**
 * The small core every feature builds on: configuration, errors, YAML with line numbers, dates, paths, the browser,
 * the document schema and kinds, and the documents as the site lists them.
 */
export { parseOpsbookConfig, resolveConfig, type OpsbookUserConfig, type ResolvedConfig } from './config.ts';
export { envOverrides } from './env.ts';
export { ContentError, formatProblem, type ContentProblem } from './errors.ts';
export { didYouMean, parseWithFriendlyErrors } from './friendly-errors.ts';
export { parseYamlWithLines } from './yaml.ts';
export { today, isoDay } from './dates.ts';
export { displayPath } from './paths.ts';
export { launchBrowser, resolveBrowser } from './browser.ts';
export { documentSchema } from './document-schema.ts';
