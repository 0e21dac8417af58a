/** Components every MDX document can use without importing them. */
import SeverityMatrix from './SeverityMatrix.astro';
import Contacts from './Contacts.astro';
import AlertChart from './AlertChart.astro';

export const mdxComponents = { SeverityMatrix, Contacts, AlertChart };
