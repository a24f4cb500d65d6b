/** npm run build:schema — writes data/tongliao.schema.json from the zod schema (src/lib/data/schema.ts). */
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../src/lib/data/export.ts';

writeFileSync(new URL('../data/tongliao.schema.json', import.meta.url), jsonSchema());
console.log('wrote data/tongliao.schema.json');
