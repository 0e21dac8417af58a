import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { remarkFacts } from './src/markdown/remark-facts.ts';
import { rehypeHeadingLinks } from './src/markdown/rehype-heading-links.ts';
import { rehypeCodeBlocks } from './src/markdown/rehype-code-blocks.ts';
import { rehypeTaskLists } from './src/markdown/rehype-task-lists.ts';
import { loadFacts } from './src/utils/facts.ts';
import { cacheDir, contentDir, outDir } from './src/utils/project-paths.ts';

const facts = loadFacts(contentDir()).facts;

export default defineConfig({
	site: facts.site.url,
	base: process.env.OPSBOOK_BASE ?? '/',
	outDir: outDir(),
	// One cache per content folder: test fixtures and the benchmark corpus build in parallel without sharing state.
	cacheDir: cacheDir(),
	trailingSlash: 'always',
	build: { format: 'directory' },
	// Shiki doubles build time and memory (see README, "Build pipeline"); commands are short and read fine unhighlighted.
	markdown: {
		syntaxHighlight: false,
		processor: unified({
			remarkPlugins: [[remarkFacts, { facts: () => facts }]],
			rehypePlugins: [rehypeHeadingIds, rehypeHeadingLinks, rehypeCodeBlocks, rehypeTaskLists],
		}),
	},
	integrations: [contentCheck(), mdx()],
	devToolbar: { enabled: false },
	vite: {
		build: {
			rollupOptions: {
				// Every MDX module carries Astro's "use astro:head-inject" directive; the bundler warns once per page
				// that it may not keep it. Astro handles head injection itself, so the warning is noise (1000 pages: 1000 lines).
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
	prefetch: false,
});
