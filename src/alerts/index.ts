/** Alerts: a route per alert to its runbook entry (/alerts/<Name>/), the alert index and annotated charts. */
import { route } from '../core/routes.ts';

export { alertTargets } from './alert-targets.ts';
export { checkAlertRunbooks, checkAlertLinks, type AlertReport } from './check.ts';
export { loadRuleAlerts, parseRuleFile, withRunbookUrls, runbookUrlFor, type RuleAlert } from './rules.ts';

export const alertRoutes = [
	route('/alerts', './routes/index.astro', import.meta.url),
	route('/alerts.json', './routes/alerts.json.ts', import.meta.url),
	route('/alerts/[alert]', './routes/[alert].astro', import.meta.url),
];
