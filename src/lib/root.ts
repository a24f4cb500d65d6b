/**
 * The project root, for files read at build time (the dataset, the article captures, package
 * versions). Found from the working directory upwards, because bundled build code cannot rely on
 * `import.meta.url` pointing into src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'data', 'tongliao.json'))) {
      const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name === 'tongliao-stories') return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the project root (a package.json named tongliao-stories) above ${process.cwd()}`);
    dir = up;
  }
}

export const ROOT = findRoot();
