import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './json-schema.js';

describe('schema.json', () => {
  it('matches the zod schemas (regenerate with `pnpm --filter @rel/config schema`)', () => {
    const committed = readFileSync(new URL('../schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  it('rejects unknown keys, as the zod schemas do', () => {
    const schema = configJsonSchema() as { additionalProperties?: unknown };
    expect(schema.additionalProperties).toBe(false);
  });
});
