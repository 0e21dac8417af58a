/** The steps plugin: classes for callouts and Expected / If not, numbered steps wrapped with their number in a badge. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeSteps } from '../../src/shell/markdown/rehype-steps.ts';

function html(markdown: string): string {
	return String(
		unified().use(remarkParse).use(remarkRehype).use(rehypeSteps).use(rehypeStringify).processSync(markdown),
	);
}

test('destructive, service-disrupting and approval blockquotes are callouts; other quotes are not', () => {
	assert.match(
		html('> **Destructive — needs approval from the DBA.** Drops data.'),
		/<blockquote class="callout callout-destructive">/,
	);
	assert.match(
		html('> **Service-disrupting for anyone inside** the VPC.'),
		/<blockquote class="callout callout-destructive">/,
	);
	assert.match(
		html('> **Needs approval from the database administrator** first.'),
		/<blockquote class="callout callout-approval">/,
	);
	assert.match(html('> **Note:** just a note.'), /<blockquote>/);
	assert.match(html('> plain **Destructive** later in the text'), /<blockquote>/);
});

test('a paragraph starting Expected or If not is marked; the same words inside a sentence are labels', () => {
	const out = html(
		'**Expected:** `yes`. **If not:** ask for access.\n\n**If not** (`dirty` is `t`): stop.\n\n- `kubectl` access. **Expected:** `yes`',
	);
	assert.match(out, /<p class="step-expected"><strong>Expected:<\/strong>/);
	assert.match(out, /<strong class="label-if-not">If not:<\/strong>/);
	assert.match(out, /<p class="step-if-not"><strong>If not<\/strong>/);
	assert.match(out, /<li><code>kubectl<\/code> access. <strong class="label-expected">Expected:<\/strong>/);
});

test('a numbered h3 becomes a step section up to the next h2 or h3, with the same text', () => {
	const out = html(
		'## Steps\n\n### 1. Confirm\n\nText one.\n\n#### Detail\n\nMore.\n\n### 2. Act\n\nText two.\n\n## Verification\n\nAfter.',
	);
	assert.match(
		out,
		/<section class="step"><h3><span class="step-num">1<span class="sr-only">\. <\/span><\/span>Confirm<\/h3>/,
	);
	const sections = out.split('<section class="step">').slice(1);
	assert.equal(sections.length, 2);
	assert.match(sections[0]!, /Text one.*Detail.*More.*<\/section>/s);
	assert.doesNotMatch(sections[1]!.split('</section>')[0]!, /Verification/);
	assert.match(out, /<\/section>\n?<h2>Verification<\/h2>/);
	// What search, links and the contents read is unchanged.
	assert.match(out.replace(/<[^>]+>/g, ''), /1\. Confirm/);
});

test('an h3 without a number ends a step and stays outside any section', () => {
	const out = html('### 1. First\n\nOne.\n\n### UploadsApiDown\n\nAlert entry.');
	assert.match(out, /<\/section>\n?<h3>UploadsApiDown<\/h3>/);
});
