/**
 * The project a CLI command works on: its root, its astro.config and the opsbook() options written there, resolved
 * exactly as the integration resolves them. The config file is loaded through Vite's module runner, as Astro loads it,
 * so a TypeScript config importing `opsbook` works from an installed package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseOpsbookConfig, resolveConfig, type OpsbookUserConfig, type ResolvedConfig } from '../core/config.ts';

const CONFIG_NAMES = ['astro.config.ts', 'astro.config.mts', 'astro.config.mjs', 'astro.config.js'];

export interface Project {
	root: string;
	/** The astro.config file, when there is one. */
	configFile: string | undefined;
	config: ResolvedConfig;
	/** Astro's outDir as configured (default dist/): where `opsbook build` puts the finished site. */
	outDir: string;
	/** Astro's `site` (the public address), when configured. */
	site?: string | undefined;
}

export function findConfigFile(root: string): string | undefined {
	return CONFIG_NAMES.map((name) => path.join(root, name)).find((file) => fs.existsSync(file));
}

interface AstroConfigShape {
	site?: string;
	outDir?: string | URL;
	integrations?: unknown[];
}

export async function loadProject(root: string = process.cwd()): Promise<Project> {
	const configFile = findConfigFile(root);
	let user: OpsbookUserConfig = {};
	let outDir = 'dist';
	let site: string | undefined;
	if (configFile) {
		const { runnerImport } = await import('vite');
		let loaded: AstroConfigShape;
		// Vite sets NODE_ENV=development when unset; a build spawned after this would then inherit it and ship
		// development code (import.meta.env.PROD false: no service worker). Leave the environment as it was.
		const nodeEnv = process.env.NODE_ENV;
		try {
			const result = await runnerImport<{ default?: AstroConfigShape }>(configFile, {
				root,
				configFile: false,
				logLevel: 'silent',
				ssr: { noExternal: ['opsbook'] },
			});
			loaded = result.module.default ?? {};
		} catch (error) {
			throw new Error(`could not load ${path.basename(configFile)}: ${(error as Error).message}`, { cause: error });
		} finally {
			if (nodeEnv === undefined) delete process.env.NODE_ENV;
			else process.env.NODE_ENV = nodeEnv;
		}
		const integration = (loaded.integrations ?? [])
			.flat(Infinity)
			.find((i): i is { name: string; opsbook: OpsbookUserConfig } => (i as { name?: string })?.name === 'opsbook');
		if (integration) user = integration.opsbook;
		if (loaded.outDir) outDir = loaded.outDir instanceof URL ? loaded.outDir.pathname : loaded.outDir;
		if (typeof loaded.site === 'string') site = loaded.site;
	}
	const resolvedOut = path.resolve(root, outDir);
	const config = resolveConfig(parseOpsbookConfig(user), { root, outDir: resolvedOut });
	return { root, configFile, config, outDir: config.outDir, site };
}

/**
 * The content folder a command reads (`--content` overrides the config's) and the policy file that goes with it:
 * the config's `policy` is relative to the content folder, so it follows an overridden folder too.
 */
export function contentPaths(project: Project, override?: string): { dir: string; policyFile: string } {
	if (!override) return { dir: project.config.contentDir, policyFile: project.config.policyFile };
	const dir = path.resolve(override);
	return { dir, policyFile: path.resolve(dir, path.relative(project.config.contentDir, project.config.policyFile)) };
}
