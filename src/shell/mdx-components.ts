/** Components every MDX document can use without importing them. */
import SeverityMatrix from '../facts/SeverityMatrix.astro';
import Contacts from '../facts/Contacts.astro';
import AlertChart from '../alerts/AlertChart.astro';

export const mdxComponents = { SeverityMatrix, Contacts, AlertChart };
