/** Where `npm run build:test` puts the site, and the base path it is built under. */
export const TEST_DIST = '.test-dist';
export const TEST_BASE = '/stories/tongliao/';
