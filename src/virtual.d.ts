declare module 'virtual:opsbook/config' {
	const config: import('./core/config.ts').ResolvedConfig;
	export default config;
}

declare module 'virtual:opsbook/facts' {
	const facts: import('./facts/schema.ts').Facts;
	export default facts;
}
