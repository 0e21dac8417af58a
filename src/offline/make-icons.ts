/**
 * `node src/offline/make-icons.ts`: renders the app icons (public/icons/icon-192.png, icon-512.png, icon-maskable-512.png)
 * from public/favicon.svg in the project's Chromium, with no network. The PNGs are committed; run this again only
 * when the favicon changes. The web app manifest (src/offline/web-manifest.ts) lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../core/browser.ts';
import { packageRoot } from '../core/package.ts';

const svg = fs.readFileSync(path.join(packageRoot, 'public', 'favicon.svg'), 'utf8');
const outDir = path.join(packageRoot, 'public', 'icons');
/** Maskable icons are cropped to a circle by some launchers: the glyph stays inside the central 80 % (safe zone). */
const ICONS = [
	{ file: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
	{ file: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
	{ file: 'icon-maskable-512.png', size: 512, padding: 0.14, background: '#1d4ed8' },
];

fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	for (const icon of ICONS) {
		const inner = Math.round(icon.size * (1 - 2 * icon.padding));
		await page.setViewportSize({ width: icon.size, height: icon.size });
		await page.setContent(
			`<html><body style="margin:0;background:${icon.background};display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px">` +
				`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body></html>`,
		);
		await page.screenshot({ path: path.join(outDir, icon.file), omitBackground: icon.background === 'transparent' });
		console.log(`wrote public/icons/${icon.file} (${fs.statSync(path.join(outDir, icon.file)).size} bytes)`);
	}
} finally {
	await browser.close();
}
