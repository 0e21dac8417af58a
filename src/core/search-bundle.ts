/**
 * The folder of the built site that holds Pagefind's browser module and index. The search step writes it, the
 * search client fetches `<base>pagefind/pagefind.js` from it, the link check and the offline download leave it out,
 * the precache report and the benchmark weigh it. A constant and nothing else: browser code imports it too, so this
 * module must never import Node (or anything).
 */
export const SEARCH_BUNDLE_DIR = 'pagefind';
