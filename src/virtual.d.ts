declare module 'virtual:opsbook/config' {
	const config: Omit<import('./core/config.ts').ResolvedConfig, 'frontmatter'>;
	export default config;
}

declare module 'virtual:opsbook/facts' {
	const facts: import('./facts/schema.ts').Facts;
	export default facts;
}

declare module 'virtual:opsbook/coverage' {
	/** Null when the content check did not run (not a build or dev server). */
	const coverage: import('./byo/coverage.ts').CoverageReport | null;
	export default coverage;
}
