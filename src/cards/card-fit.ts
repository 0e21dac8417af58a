/**
 * Does a card fit its page? Measured in the browser, in print media, on the laid-out card: every element of the body
 * must stay inside the body's box (text that runs past the bottom, or into a third column on an index card, is cut
 * off on paper), and every element of the card inside the card, which is exactly one page. Returns how far the worst
 * element sticks out, in millimetres. `measureCardFit` is passed to page.evaluate, so it must stay self-contained.
 */
export interface CardFit {
	id: string;
	/** How far content runs past the bottom / right edge of its box, in mm (0 when it fits). */
	overBottom: number;
	overRight: number;
}

export function measureCardFit(selector: string): CardFit[] {
	const PX_PER_MM = 96 / 25.4;
	// Sub-pixel rounding of borders and glyph boxes is not overflow.
	const TOLERANCE_PX = 1;
	const past = (inner: DOMRect, outer: DOMRect) => ({
		bottom: inner.bottom - outer.bottom,
		right: inner.right - outer.right,
	});
	return [...document.querySelectorAll<HTMLElement>(selector)].map((card) => {
		let bottom = card.scrollHeight - card.clientHeight;
		let right = card.scrollWidth - card.clientWidth;
		const cardBox = card.getBoundingClientRect();
		const body = card.querySelector('.card-body');
		const bodyBox = body?.getBoundingClientRect();
		for (const element of card.querySelectorAll('*')) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			const outer = bodyBox && body!.contains(element) ? bodyBox : cardBox;
			const over = past(box, outer);
			bottom = Math.max(bottom, over.bottom);
			right = Math.max(right, over.right);
		}
		const mm = (px: number) => (px > TOLERANCE_PX ? Math.round((px / PX_PER_MM) * 10) / 10 : 0);
		return { id: card.dataset.cardId ?? '', overBottom: mm(bottom), overRight: mm(right) };
	});
}
