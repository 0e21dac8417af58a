/** Alerts: a route per alert to its runbook entry (/alerts/<Name>/), the alert index and annotated charts. */
import { route } from '../core/routes.ts';

export { alertTargets } from './alert-targets.ts';
export { checkAlertRunbooks } from './check.ts';

export const alertRoutes = [
	route('/alerts', './routes/index.astro', import.meta.url),
	route('/alerts.json', './routes/alerts.json.ts', import.meta.url),
	route('/alerts/[alert]', './routes/[alert].astro', import.meta.url),
];
