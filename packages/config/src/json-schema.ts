import { z } from 'zod';
import { ConfigFileSchema } from './schema/reliability.js';

/**
 * The JSON Schema of a config file, generated from the zod schemas (the single source of
 * truth). Functions (matcher classes, predicates, custom delays) cannot appear in JSON and
 * are left unconstrained. The package ships it as `@rel/config/schema.json`.
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
