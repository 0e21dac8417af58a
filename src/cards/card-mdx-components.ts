/** Components a card's MDX can use without importing them: the documents' set plus the compact card variants. */
import { mdxComponents } from '../shell/mdx-components.ts';
import CardSeverities from './CardSeverities.astro';
import CardContacts from './CardContacts.astro';

export const cardMdxComponents = { ...mdxComponents, CardSeverities, CardContacts };
