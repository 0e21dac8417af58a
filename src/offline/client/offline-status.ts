/**
 * Registers the service worker (<base>sw.js, scope <base>) and shows its state (src/offline/OfflineStatus.astro):
 *   - first visit: "Saving for offline use" with progress (precached entries counted against offline-manifest.json),
 *     then "Available offline" once the worker is active: from then on every page works with no network;
 *   - "Offline" while the browser reports no network, or the docs host cannot be reached (an update check failed);
 *   - "New version available — Reload" once a new build's worker has downloaded everything and waits. Reload tells
 *     it to take over (SKIP_WAITING); every open page of the site then reloads, so none keeps showing the old build
 *     while fetching from the new one.
 * Checks for a new build on load, when the tab becomes visible, when the network returns and every 10 minutes.
 */
import { OFFLINE_MANIFEST_FILE, SERVICE_WORKER_FILE, precacheName, type OfflineManifest } from '../offline-files.ts';

const UPDATE_CHECK_MS = 10 * 60 * 1000;
const PROGRESS_POLL_MS = 400;

const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');
const status = document.querySelector<HTMLElement>('[data-offline-status]');
const stateText = document.querySelector<HTMLElement>('[data-offline-state]');
const progress = document.querySelector<HTMLProgressElement>('[data-offline-progress]');
const indicator = document.querySelector<HTMLElement>('[data-offline-indicator]');
const prompt = document.querySelector<HTMLElement>('[data-update-prompt]');
const reloadButton = document.querySelector<HTMLButtonElement>('[data-update-reload]');

type State = 'installing' | 'ready' | 'error';
let available = false;
let hostUnreachable = false;

function setState(state: State, text: string): void {
	if (!status || !stateText) return;
	status.hidden = false;
	status.dataset.state = state;
	stateText.textContent = text;
	if (progress) progress.hidden = state !== 'installing';
}

function renderNetwork(): void {
	if (!indicator) return;
	const offline = !navigator.onLine || hostUnreachable;
	indicator.hidden = !offline;
	const where = navigator.onLine ? 'The docs host cannot be reached' : 'Offline';
	indicator.textContent = available
		? `${where}: showing the copy saved on this device`
		: `${where}: pages not yet saved on this device will not open`;
}

/** What the precache will hold (fetched during the first install only): for the progress display, so a failure just means no numbers. */
async function precacheSize(): Promise<OfflineManifest | undefined> {
	try {
		const response = await fetch(`${base}${OFFLINE_MANIFEST_FILE}`, { cache: 'no-cache' });
		return response.ok ? ((await response.json()) as OfflineManifest) : undefined;
	} catch {
		return undefined;
	}
}

async function cachedCount(scope: string): Promise<number> {
	const name = precacheName(scope);
	if (!('caches' in window) || !(await caches.has(name))) return 0;
	return (await (await caches.open(name)).keys()).length;
}

function ready(): void {
	available = true;
	setState('ready', 'Available offline');
	renderNetwork();
}

/** The first install: nothing works offline until it completes, so show how far it is. */
function trackFirstInstall(registration: ServiceWorkerRegistration, worker: ServiceWorker): void {
	setState('installing', 'Saving for offline use…');
	let manifest: OfflineManifest | undefined;
	void precacheSize().then((m) => (manifest = m));
	const poll = setInterval(() => {
		void cachedCount(registration.scope).then((count) => {
			if (!manifest || !progress || !stateText || status?.dataset.state !== 'installing') return;
			const percent = Math.min(99, Math.floor((count / manifest.files) * 100));
			progress.value = percent;
			stateText.textContent = `Saving for offline use… ${percent} %`;
		});
	}, PROGRESS_POLL_MS);
	const settle = () => {
		if (worker.state === 'activated') {
			clearInterval(poll);
			ready();
		} else if (worker.state === 'redundant') {
			clearInterval(poll);
			setState('error', 'Could not save the site for offline use; it will retry on the next visit');
		}
	};
	worker.addEventListener('statechange', settle);
	settle();
}

function offerUpdate(worker: ServiceWorker): void {
	if (!prompt || !reloadButton) return;
	prompt.hidden = false;
	reloadButton.disabled = false;
	reloadButton.onclick = () => {
		reloadButton.disabled = true;
		worker.postMessage({ type: 'SKIP_WAITING' });
	};
}

/** A new build's worker: it downloads while the current one serves, then waits for the reader's go. */
function trackUpdate(worker: ServiceWorker): void {
	const settle = () => {
		if (worker.state === 'installed') offerUpdate(worker);
	};
	worker.addEventListener('statechange', settle);
	settle();
}

async function checkForUpdate(registration: ServiceWorkerRegistration): Promise<void> {
	try {
		await registration.update();
		hostUnreachable = false;
	} catch {
		// The worker script could not be fetched: the network or the docs host is down.
		hostUnreachable = true;
	}
	renderNetwork();
}

async function start(): Promise<void> {
	let hadController = Boolean(navigator.serviceWorker.controller);
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		// The first worker taking this page over changes nothing it shows; a new version taking over means reload,
		// in every open tab, so no page shows one build while fetching the other's files.
		if (hadController) location.reload();
		hadController = true;
	});
	const registration = await navigator.serviceWorker.register(`${base}${SERVICE_WORKER_FILE}`, { scope: base });
	const tracked = new WeakSet<ServiceWorker>();
	const track = (worker: ServiceWorker | null) => {
		if (!worker || tracked.has(worker)) return;
		tracked.add(worker);
		if (registration.active) trackUpdate(worker);
		else trackFirstInstall(registration, worker);
	};
	if (registration.active) ready();
	if (registration.waiting && registration.active) offerUpdate(registration.waiting);
	track(registration.installing);
	registration.addEventListener('updatefound', () => track(registration.installing));
	setInterval(() => void checkForUpdate(registration), UPDATE_CHECK_MS);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void checkForUpdate(registration);
	});
	window.addEventListener('online', () => void checkForUpdate(registration));
}

window.addEventListener('online', renderNetwork);
window.addEventListener('offline', renderNetwork);
renderNetwork();
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	start().catch(() => setState('error', 'Offline use is not available in this browser'));
}
