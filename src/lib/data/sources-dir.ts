import { fileURLToPath } from 'node:url';

/**
 * The folder with the article captures: `SOURCES_DIR` from the environment, else `../shared/sources`
 * beside the project. Never shipped; read by the provenance checks only.
 */
export const SOURCES_DIR =
  process.env['SOURCES_DIR'] ?? fileURLToPath(new URL('../../../../shared/sources/', import.meta.url));
