/**
 * Argument handling shared by every command: strict flags (an unknown one prints the usage and exits 2), --help
 * prints the usage and exits 0, and --today must be YYYY-MM-DD. The dispatcher (index.ts) turns the two exceptions
 * into output and exit codes, so commands stay plain functions returning their exit code.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}
export class HelpRequested extends Error {}

export interface Command {
	name: string;
	summary: string;
	usage: string;
	run(argv: string[]): Promise<number>;
}

export type Flags = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type Values = Record<string, string | boolean | undefined>;

export function parseCommandArgs(
	argv: string[],
	flags: Flags,
	positionals = 0,
): { values: Values; positionals: string[] } {
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: argv,
			options: { ...flags, help: { type: 'boolean', short: 'h' } },
			allowPositionals: positionals > 0,
			strict: true,
		});
	} catch (error) {
		throw new UsageError((error as Error).message, { cause: error });
	}
	const values = parsed.values as Values;
	if (values.help) throw new HelpRequested();
	if (parsed.positionals.length > positionals)
		throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
	if (typeof values.today === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
		throw new UsageError(`--today: expected YYYY-MM-DD, got "${values.today}"`);
	}
	return { values, positionals: parsed.positionals };
}

export const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
