/** npm run build:ids — regenerate src/generated/ids.ts and content/ids.json from the dataset. */
import { data } from '../src/lib/data/index.ts';
import { writeIds } from '../src/checks/ids.ts';
import { ROOT } from '../src/lib/root.ts';

const written = writeIds(ROOT, data());
console.log(written.length ? `wrote ${written.join(', ')}` : 'ids are up to date');
