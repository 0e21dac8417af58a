import { defineConfig } from 'astro/config';
import { opsbook } from 'opsbook';

// The handbook of this repository is Opsbook's first user: this file is exactly what any site writes.
export default defineConfig({
	integrations: [
		opsbook({
			content: 'content',
			// The shipped handbook keeps every rule: command findings fail the build too.
			profile: 'strict',
		}),
	],
});
