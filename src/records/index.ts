/** Readiness records, the readiness policy (policy.yaml), the readiness computation and the approval page. */
import { route } from '../core/routes.ts';

export { computeReadiness, type Readiness } from './readiness.ts';
export { parsePolicy, type Policy } from './policy.ts';

export const recordRoutes = [
	route('/approval', './routes/approval.astro', import.meta.url),
	route('/records/training', './routes/training.astro', import.meta.url),
	route('/records/rehearsals', './routes/rehearsals.astro', import.meta.url),
];
