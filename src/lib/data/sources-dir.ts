import { join } from 'node:path';
import { ROOT } from '../root.ts';

/**
 * The folder with the article captures: `SOURCES_DIR` from the environment, else `../shared/sources`
 * beside the project. Never shipped; read by the provenance checks only.
 */
export const SOURCES_DIR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
