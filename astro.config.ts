import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { diagrams } from './src/integrations/diagrams.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { remarkFacts } from './src/markdown/remark-facts.ts';
import { remarkDiagrams } from './src/markdown/remark-diagrams.ts';
import { rehypeHeadingLinks } from './src/markdown/rehype-heading-links.ts';
import { rehypeCodeBlocks } from './src/markdown/rehype-code-blocks.ts';
import { rehypeTaskLists } from './src/markdown/rehype-task-lists.ts';
import { rehypeBaseLinks } from './src/markdown/rehype-base-links.ts';
import { basePath } from './src/utils/base-path.ts';
import { facts } from './src/utils/site-facts.ts';
import path from 'node:path';
import { astroRoot, buildDir, cacheDir, repoRoot } from './src/utils/project-paths.ts';

export default defineConfig({
	site: facts.site.url,
	base: basePath(),
	root: astroRoot(),
	srcDir: path.join(repoRoot, 'src'),
	publicDir: path.join(repoRoot, 'public'),
	outDir: buildDir(),
	cacheDir: cacheDir(),
	trailingSlash: 'always',
	build: { format: 'directory' },
	// Shiki doubles build time and memory (see README, "Build pipeline"); commands are short and read fine unhighlighted.
	markdown: {
		syntaxHighlight: false,
		processor: unified({
			remarkPlugins: [[remarkFacts, { facts: () => facts }], remarkDiagrams],
			rehypePlugins: [rehypeHeadingIds, rehypeHeadingLinks, rehypeCodeBlocks, rehypeTaskLists, [rehypeBaseLinks, { base: basePath() }]],
		}),
	},
	integrations: [contentCheck(), diagrams(), mdx(), linkCheck(), searchIndex()],
	// The Content-Security-Policy is a <meta> written by the layout (src/utils/content-security-policy.ts).
	devToolbar: { enabled: false },
	vite: {
		build: {
			// Never inline scripts into pages: an inlined island is paid again by every page (and precached a thousand
			// times), while a file is downloaded and cached once. It also keeps the CSP hash list short.
			assetsInlineLimit: 0,
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
