/** Where `npm run build:test` puts the site, and the base path it is built under. */
export const TEST_DIST = '.test-dist';
export const TEST_BASE = '/stories/tongliao/';
/** The SITE_URL `npm run build:test` builds with (absolute URLs such as og:image start with it). */
export const TEST_SITE = 'http://127.0.0.1';
