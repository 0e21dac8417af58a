/**
 * Marks, in the contents (Toc.astro), the section being read: the last heading above a line 30 % down the screen.
 * Loaded after the page's `load` event (site.ts), only on pages with contents. An IntersectionObserver wakes it when
 * a heading crosses that line, and `scrollend` once a scroll is over, so nothing runs per scroll event. The mark (aria-current plus a bar drawn with an
 * inset shadow, global.css) changes no sizes: nothing moves. In the rail, the marked link is scrolled into the
 * rail's view (the rail only, never the page).
 */
const links = new Map<Element, HTMLAnchorElement>();
for (const a of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) {
	const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
	if (heading) links.set(heading, a);
}
const headings = [...links.keys()];
const rail = document.querySelector<HTMLElement>('.toc');
let marked: HTMLAnchorElement | undefined;

function update(): void {
	const line = innerHeight * 0.3;
	let current = headings[0];
	for (const h of headings) {
		if (h.getBoundingClientRect().top > line) break;
		current = h;
	}
	const link = current && links.get(current);
	if (!link || link === marked) return;
	marked?.removeAttribute('aria-current');
	link.setAttribute('aria-current', 'true');
	marked = link;
	if (rail && rail.scrollHeight > rail.clientHeight) {
		const at = link.getBoundingClientRect();
		const view = rail.getBoundingClientRect();
		if (at.top < view.top || at.bottom > view.bottom) rail.scrollTop += at.top - view.top - rail.clientHeight / 3;
	}
}

if (headings.length) {
	const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
	for (const h of headings) observer.observe(h);
	// A jump (a link, the contents, Page Down held) can carry every heading past the line between two observations,
	// and the observer then reports nothing: check once when the scroll ends.
	addEventListener('scrollend', update);
	update();
}

// A module (site.ts imports it lazily), though it exports nothing.
export {};
