import { RelConfigError, type ValidationIssue } from '../errors/config-error.js';
import { check } from '../parse.js';
import { ConfigFileSchema, type ConfigFile } from '../schema/reliability.js';

/**
 * Types (and validates, at once) a configuration written in code. Pass the result to
 * `loadConfig({ config })` so it goes through the same layering as a file.
 *
 * @throws {@link RelConfigError} listing every bad field.
 * @example
 * ```ts
 * export default defineConfig({ services: { openai: { profile: 'llm', retry: { maxAttempts: 5 } } } });
 * ```
 */
export function defineConfig<const T extends ConfigFile>(config: T): T {
  const issues: ValidationIssue[] = [];
  check(ConfigFileSchema, config, '', issues);
  if (issues.length > 0) throw new RelConfigError(issues);
  return config;
}
