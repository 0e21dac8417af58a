/**
 * Which pipeline a remark plugin runs in. An .mdx file is usually compiled by MDX, but the docs loader renders the
 * simple ones with the Markdown pipeline (src/core/simple-mdx.ts): a plugin that treats .mdx files differently (fact
 * references in text, diagrams embedded as JSX) asks the processor, not the file name.
 */
import type { Processor } from 'unified';

/** True when remark-mdx is registered on the processor: braces are expressions, and hast may carry JSX nodes. */
export function parsesMdx(processor: Processor | undefined): boolean {
	const extensions = (processor?.data('fromMarkdownExtensions') ?? []) as unknown[];
	return extensions.flat(Infinity).some((e) => {
		const enter = (e as { enter?: Record<string, unknown> } | null)?.enter;
		return !!enter && 'mdxTextExpression' in enter;
	});
}
