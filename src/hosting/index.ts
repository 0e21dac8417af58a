/** Hosting: configuration for static hosts (nginx.conf, and public/_headers for Netlify-style hosts). Data only. */
export const NGINX_CONF = new URL('./nginx.conf', import.meta.url);
