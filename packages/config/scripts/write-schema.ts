// Regenerates schema.json from the zod schemas: `pnpm --filter @rel/config schema`.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/json-schema.js';

writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
