/** Components every MDX document can use without importing them. */
import SeverityMatrix from './SeverityMatrix.astro';
import Contacts from './Contacts.astro';

export const mdxComponents = { SeverityMatrix, Contacts };
