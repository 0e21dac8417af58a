declare module 'virtual:opsbook/config' {
	const config: import('./core/config.ts').ResolvedConfig;
	export default config;
}
