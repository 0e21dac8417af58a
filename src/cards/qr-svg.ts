/**
 * QR codes as inline SVG, made at build time (no network, no image files). The `qrcode` package only encodes
 * (version, masking, error correction); drawing is done here: one path of dark modules, horizontal runs merged, on
 * a white square with the standard 4-module quiet zone, so a phone reads it off paper or off a screen in dark mode.
 */
import QRCode from 'qrcode';

export interface QrOptions {
	/** Accessible name of the image. */
	label: string;
	/** Error correction: M (15%) survives a crease or a coffee stain and keeps a site URL at version 3-4. */
	level?: 'L' | 'M' | 'Q' | 'H';
}

const QUIET_ZONE = 4;

export function qrSvg(text: string, { label, level = 'M' }: QrOptions): string {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: level });
	const size = modules.size;
	const total = size + 2 * QUIET_ZONE;
	let path = '';
	for (let row = 0; row < size; row++) {
		let col = 0;
		while (col < size) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < size && modules.get(row, col)) col++;
			path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
		}
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${total} ${total}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
		`<rect width="${total}" height="${total}" fill="#ffffff"/><path fill="#000000" d="${path}"/></svg>`
	);
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
