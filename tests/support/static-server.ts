/**
 * The tests' static server is the project's own (src/core/static-server.ts). Run as a command it serves a folder
 * for Playwright's webServer: `node tests/support/static-server.ts DIR PORT`.
 */
import path from 'node:path';
import { startStaticServer } from '../../src/core/static-server.ts';
import { basePath } from '../../src/core/base-path.ts';

export { startStaticServer, type RunningServer } from '../../src/core/static-server.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
	const [dir = 'dist', port = '4391'] = process.argv.slice(2);
	const running = await startStaticServer(path.resolve(dir), Number(port), basePath());
	console.log(`serving ${dir} at ${running.url}`);
}
