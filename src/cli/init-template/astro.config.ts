import { defineConfig } from 'astro/config';
import { opsbook } from 'opsbook';

export default defineConfig({
	integrations: [opsbook({ content: 'content' })],
});
