/**
 * Runs the dataset validation and the content check before Astro builds anything (and refreshes the
 * generated id lists for editors' tooling), so a build stops
 * with every problem listed at once (file, line, hint). In dev it reports problems on start and on
 * every save of a chapter or the dataset, without stopping the server.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { data } from '../lib/data/index.ts';
import { DatasetError } from '../lib/data/load.ts';
import { checkContent } from '../checks/index.ts';
import { ContentCheckError, formatReport } from '../checks/problem.ts';
import { writeIds } from '../checks/ids.ts';

function run(root: string, logger?: AstroIntegrationLogger): ContentCheckError | DatasetError | null {
  try {
    const written = writeIds(root, data());
    if (written.length && logger) logger.info(`updated ${written.join(', ')} (the ids editors' tooling completes)`);
    const problems = checkContent({ root, data: data() });
    return problems.length ? new ContentCheckError(problems) : null;
  } catch (e) {
    if (e instanceof DatasetError) return e;
    throw e;
  }
}

function report(logger: AstroIntegrationLogger, err: ContentCheckError | DatasetError | null) {
  if (!err) logger.info('content check: no problems');
  else logger.error(err instanceof ContentCheckError ? formatReport(err.problems) : err.message);
}

export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'tongliao:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        const err = run(root, logger);
        if (command === 'build' && err) throw err;
        if (command === 'dev') report(logger, err);
      },
      'astro:server:setup': ({ server, logger }) => {
        const rerun = (file: string) => {
          if (/[\\/](content|data)[\\/].*\.(mdx|ya?ml|json)$/.test(file)) report(logger, run(root, logger));
        };
        server.watcher.on('change', rerun);
        server.watcher.on('add', rerun);
        server.watcher.on('unlink', rerun);
      },
    },
  };
}
