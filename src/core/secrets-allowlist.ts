/** The reviewed allow-list of secret-looking strings that are deliberate examples (content/secrets-allowlist.yaml). */
import { z } from 'astro/zod';

export const allowEntrySchema = z.strictObject({
	/** Path relative to the content folder. */
	file: z.string().min(1),
	/** The exact text that looks like a secret. */
	match: z.string().min(4),
	/** Why it is safe to publish. */
	reason: z.string().min(10),
	/** Role key of who reviewed it. */
	reviewedBy: z.string().min(1),
	reviewed: z.coerce.date(),
});

export const allowListSchema = z.array(allowEntrySchema);
export type AllowEntry = z.infer<typeof allowEntrySchema>;
