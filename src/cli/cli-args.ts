/**
 * Argument handling shared by the commands that read content (verify, export): bad arguments print the usage and
 * exit 2, --help prints it and exits 0, and --today (a fixed "today" for reproducible readiness) must be YYYY-MM-DD.
 * The caller parses (so its option types are inferred); this wraps the parse.
 */
export function parseCliArgs<V extends { help?: boolean | undefined; today?: string | undefined }>(usage: string, parse: () => V): V {
	let values: V;
	try {
		values = parse();
	} catch (error) {
		console.error(`${(error as Error).message}\n${usage}`);
		process.exit(2);
	}
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
		console.error(`--today: expected YYYY-MM-DD, got "${values.today}"\n${usage}`);
		process.exit(2);
	}
	return values;
}
