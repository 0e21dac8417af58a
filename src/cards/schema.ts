/**
 * Frontmatter of a quick-reference card (content/cards/<id>.mdx). The same schema validates the `cards` collection
 * (Astro) and the pre-build card check (src/cards/check.ts), which adds file:line and the checks that need other
 * files: the summarised document exists, audience roles and the severity are defined in facts.yaml.
 */
import { z } from 'astro/zod';

const identifier = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

/** Printed sizes a card can default to; sheets (A4, US Letter) always hold index-size cards. */
export const CARD_SIZE_NAMES = ['index', 'a6'] as const;
export type CardSize = (typeof CARD_SIZE_NAMES)[number];

export const cardSchema = z.strictObject({
	title: z.string().min(3).max(60, 'keep card titles under 60 characters: they are printed on a 5x3 in card'),
	/** Id of the document the card summarises (`runbooks/rollback`): its review date and QR code come from it. */
	summarises: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'a document id, like runbooks/rollback'),
	/** Who acts on the card: role keys from facts.yaml (never people). */
	audience: z.array(identifier).min(1),
	/** The size the card is shown and printed at unless the reader picks another. */
	defaultSize: z.enum(CARD_SIZE_NAMES).default('index'),
	/** Severity id from facts.yaml: gives the card that level's colour band. */
	severity: z.string().optional(),
	/** Position on the cards page and on sheets (lower first); ties sort by title. */
	order: z.number().int().default(100),
});

export type CardData = z.infer<typeof cardSchema>;
