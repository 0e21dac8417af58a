/** Interactive checklists, incident sessions and the environment picker. */
import type { ResolvedConfig } from '../core/config.ts';
import { rehypeTaskLists } from './rehype-task-lists.ts';

export { rehypeTaskLists } from './rehype-task-lists.ts';

export function rehypeTaskListsFor(site: ResolvedConfig): [typeof rehypeTaskLists, { contentDir: string }] {
	return [rehypeTaskLists, { contentDir: site.contentDir }];
}
