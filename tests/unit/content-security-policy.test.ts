import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { contentSecurityPolicy, scriptHash } from '../../src/shell/content-security-policy.ts';
import { themeInitScript } from '../../src/shell/client/theme-init.ts';

test('the policy allows same-origin scripts and exactly the listed inline scripts, never any inline script', () => {
	const csp = contentSecurityPolicy([themeInitScript]);
	const scripts = csp.split('; ').find((d) => d.startsWith('script-src '))!;
	assert.equal(
		scripts,
		`script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash('sha256').update(themeInitScript).digest('base64')}'`,
	);
	assert.doesNotMatch(scripts, /unsafe-inline/);
	assert.match(csp, /^default-src 'self'; /);
	assert.match(csp, /object-src 'none'/);
});

test('hashes are of the UTF-8 source, as browsers compute them', () => {
	// echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
	assert.equal(scriptHash('alert(1)'), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
});
