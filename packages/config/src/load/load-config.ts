import { RelConfigError, type ValidationIssue } from '../errors/config-error.js';
import { deepFreeze } from '../freeze.js';
import { check, layerProfile } from '../parse.js';
import { getProfile } from '../policies/profiles.js';
import {
  ConfigFileSchema,
  ReliabilityConfigInputSchema,
  ReliabilityConfigSchema,
  type ConfigFile,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from '../schema/reliability.js';
import { suggest } from '../validate.js';
import { readEnv } from './env.js';

/** Options of {@link loadConfig}. Every source is optional. */
export interface LoadConfigOptions {
  /** Path of a JSON config file (`{ "services": { ... } }`). @defaultValue `env.REL_CONFIG_FILE` if set */
  readonly file?: string | URL;
  /** A config object in code, same shape as a file (see `defineConfig`); used instead of `file`. */
  readonly config?: ConfigFile;
  /** Environment to read, or `false` to ignore the environment. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>> | false;
  /** Prefix of the variables read. @defaultValue 'REL' */
  readonly envPrefix?: string;
  /** Programmatic overrides per service: the last word. */
  readonly overrides?: Readonly<Record<string, ReliabilityConfigInput>>;
}

/** Where a setting came from. */
export type ConfigSource = 'file' | 'config' | 'overrides' | `env:${string}`;

/** The result of {@link loadConfig}: frozen, complete profiles per service. */
export interface LoadedConfig {
  /** Every configured service's complete profile. */
  readonly services: Readonly<Record<string, ReliabilityConfig>>;
  /**
   * For each service, the built-in profile it started from and, for each dotted path set by
   * a source, which source set it last (e.g. `{ 'retry.maxAttempts': 'env:REL__OPENAI__RETRY__MAX_ATTEMPTS' }`).
   */
  readonly sources: Readonly<
    Record<string, { readonly profile: string; readonly set: Readonly<Record<string, ConfigSource>> }>
  >;
  /** The profile of `name`; throws a {@link RelConfigError} naming the known services when it is not configured. */
  service(name: string): ReliabilityConfig;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function leafPaths(value: unknown, prefix: string[] = []): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix.join('.')];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [prefix.join('.')];
  return entries.flatMap(([key, v]) => leafPaths(v, [...prefix, key]));
}

async function readFileSource(file: string | URL, issues: ValidationIssue[]): Promise<unknown> {
  // Looked up at call time through process.getBuiltinModule, not imported: @rel/config is part
  // of the browser client's import graph, and a bundler resolves even a lazy dynamic import
  // of the fs module when it builds for the browser.
  const fs = globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (fs === undefined) {
    issues.push({
      path: `file ${String(file)}`,
      received: undefined,
      expected: 'a runtime with a file system (Node.js); elsewhere pass the parsed file as `config`',
    });
    return undefined;
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    issues.push({
      path: `file ${String(file)}`,
      received: undefined,
      expected: `a readable file (${(error as Error).message})`,
    });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    issues.push({
      path: `file ${String(file)}`,
      received: text.slice(0, 40),
      expected: `valid JSON (${(error as Error).message})`,
    });
    return undefined;
  }
}

/**
 * Loads the configuration of every service from a JSON file (or an object in code),
 * environment variables and programmatic overrides, validates all of it, and returns
 * complete, deeply frozen profiles.
 *
 * Precedence, lowest first: the built-in profile each service names (`"profile": "llm"`,
 * default `'default'`) < the file (or `config`) < environment variables < `overrides`.
 * Every problem in every source is reported at once in one {@link RelConfigError}.
 *
 * @example
 * ```ts
 * const config = await loadConfig({ file: 'rel.config.json', overrides: { openai: { retry: { maxAttempts: 2 } } } });
 * manager.get('openai', config.service('openai'));
 * ```
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const issues: ValidationIssue[] = [];
  const env = options.env === false ? {} : (options.env ?? globalThis.process?.env ?? {});
  const prefix = options.envPrefix ?? 'REL';

  // 1. Base layer: a file or an in-code config (same shape).
  let baseSource: 'file' | 'config' = 'config';
  let base: ConfigFile | undefined;
  const file = options.file ?? (options.config === undefined ? env[`${prefix}_CONFIG_FILE`] : undefined);
  if (options.config !== undefined) {
    base = check(ConfigFileSchema, options.config, 'config', issues);
  } else if (file !== undefined && file !== '') {
    baseSource = 'file';
    const raw = await readFileSource(file, issues);
    if (raw !== undefined) base = check(ConfigFileSchema, raw, 'file', issues);
  }

  // 2. Environment layer, validated per service with paths naming the variable.
  const layers: Array<{ source: ConfigSource; service: string; input: ReliabilityConfigInput }> = [];
  for (const [service, input] of Object.entries(base?.services ?? {}))
    layers.push({ source: baseSource, service, input });
  const known = [...new Set([...Object.keys(base?.services ?? {}), ...Object.keys(options.overrides ?? {})])];
  for (const entry of readEnv(env, prefix, known, issues)) {
    const input: Record<string, unknown> = {};
    setPath(input, entry.path, entry.value);
    const parsed = check(
      ReliabilityConfigInputSchema,
      input,
      `env ${entry.variable} -> services.${entry.service}`,
      issues,
    );
    if (parsed) layers.push({ source: `env:${entry.variable}`, service: entry.service, input: parsed });
  }

  // 3. Programmatic overrides.
  for (const [service, input] of Object.entries(options.overrides ?? {})) {
    const parsed = check(ReliabilityConfigInputSchema, input, `overrides.${service}`, issues);
    if (parsed) layers.push({ source: 'overrides', service, input: parsed });
  }
  if (issues.length > 0) throw new RelConfigError(issues);

  // 4. Per service: pick the profile (the highest layer naming one wins), then layer in order.
  const services: Record<string, ReliabilityConfig> = {};
  const sources: Record<string, { profile: string; set: Record<string, ConfigSource> }> = {};
  for (const service of new Set(layers.map((l) => l.service))) {
    const own = layers.filter((l) => l.service === service);
    const profile = [...own].reverse().find((l) => l.input.profile !== undefined)?.input.profile ?? 'default';
    let merged = getProfile(profile);
    const set: Record<string, ConfigSource> = {};
    for (const { source, input } of own) {
      merged = layerProfile(merged, input);
      const { profile: _ignored, ...fields } = input;
      for (const path of leafPaths(fields)) if (path !== '') set[path] = source;
    }
    const complete = check(ReliabilityConfigSchema, merged, `services.${service}`, issues);
    if (complete) services[service] = complete;
    sources[service] = { profile, set };
  }
  if (issues.length > 0) throw new RelConfigError(issues);

  const frozenServices = deepFreeze(services);
  return Object.freeze({
    services: frozenServices,
    sources: deepFreeze(sources),
    service(name: string): ReliabilityConfig {
      const found = frozenServices[name];
      if (found) return found;
      const names = Object.keys(frozenServices);
      const suggestion = suggest(name, names);
      throw new RelConfigError([
        {
          path: `services.${name}`,
          received: undefined,
          expected:
            names.length > 0
              ? `a configured service (${names.join(', ')})`
              : 'a configured service (none are configured)',
          ...(suggestion ? { suggestion } : {}),
        },
      ]);
    },
  });
}
