/** The Markdown export: every document as plain GitHub-flavoured Markdown in the source task's layout (`opsbook export`). */
export { buildExport } from './docs-export.ts';
