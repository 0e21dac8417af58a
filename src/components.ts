/**
 * `opsbook/components`: the components documents and cards use. Inside Opsbook's content they need no import; a site's
 * own MDX can import them from here.
 */
export { default as SeverityMatrix } from './facts/SeverityMatrix.astro';
export { default as Contacts } from './facts/Contacts.astro';
export { default as AlertChart } from './alerts/AlertChart.astro';
export { default as CardSeverities } from './cards/CardSeverities.astro';
export { default as CardContacts } from './cards/CardContacts.astro';
