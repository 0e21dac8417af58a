/**
 * `opsbook <command>`: the command line of the generator. Every command has --help; an unknown command or flag prints
 * the usage and exits 2. The npm scripts of this repository call these same commands.
 */
import { HelpRequested, UsageError, type Command } from './args.ts';
import { alertsCommand } from './commands/alerts.ts';
import { buildCommand } from './commands/build.ts';
import { cardsCommand } from './commands/cards.ts';
import { checkCommand } from './commands/check.ts';
import { devCommand, previewCommand } from './commands/dev.ts';
import { doctorCommand } from './commands/doctor.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { verifyCommand } from './commands/verify.ts';

const COMMANDS: Command[] = [
	initCommand,
	importCommand,
	devCommand,
	buildCommand,
	previewCommand,
	checkCommand,
	alertsCommand,
	verifyCommand,
	exportCommand,
	cardsCommand,
	doctorCommand,
];

function usage(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		'usage: opsbook <command> [options]',
		'',
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Run opsbook <command> --help for its options.',
	].join('\n');
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(usage());
		return name ? 0 : 2;
	}
	if (name === '--version' || name === '-v') {
		const { packageRoot } = await import('../core/package.ts');
		const { readFileSync } = await import('node:fs');
		console.log(JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')).version);
		return 0;
	}
	const command = COMMANDS.find((c) => c.name === name);
	if (!command) {
		console.error(`opsbook: unknown command "${name}"\n\n${usage()}`);
		return 2;
	}
	try {
		return await command.run(rest);
	} catch (error) {
		if (error instanceof HelpRequested) {
			console.log(command.usage);
			return 0;
		}
		if (error instanceof UsageError) {
			console.error(`opsbook ${name}: ${error.message}\n\n${command.usage}`);
			return 2;
		}
		throw error;
	}
}

process.exitCode = await main(process.argv.slice(2));
