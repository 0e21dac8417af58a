/**
 * The tests' static server is the project's own (src/core/static-server.ts). Run as a command it serves a folder
 * for Playwright's webServer: `node tests/support/static-server.ts DIR PORT [BASE]`.
 */
import path from 'node:path';
import { normaliseBase } from '../../src/core/config.ts';
import { startStaticServer } from '../../src/core/static-server.ts';

export { startStaticServer, type RunningServer } from '../../src/core/static-server.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
	const [dir = 'dist', port = '4391', base = process.env.OPSBOOK_BASE ?? '/'] = process.argv.slice(2);
	const running = await startStaticServer(path.resolve(dir), Number(port), normaliseBase(base));
	console.log(`serving ${dir} at ${running.url}`);
}
