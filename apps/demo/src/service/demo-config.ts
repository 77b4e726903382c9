import { fileURLToPath } from 'node:url';
import { loadConfig, type LoadedConfig, type ReliabilityConfigInput } from '@rel/config';

/** `apps/demo/rel.config.json`: the profiles of the demo's dependencies. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../rel.config.json', import.meta.url));

/** The services the demo's agents call through (each must be in the config file). */
export const DEMO_SERVICES = { llm: 'openai', tools: 'tools' } as const;

/** One setting that an environment variable decided. */
export interface EnvSetting {
  readonly service: string;
  /** Dotted path in the profile, e.g. `retry.maxAttempts`. */
  readonly path: string;
  /** The variable, e.g. `REL__OPENAI__RETRY__MAX_ATTEMPTS`. */
  readonly variable: string;
  /** The value in force. */
  readonly value: unknown;
}

/** The demo's configuration and where it came from. */
export interface DemoConfig {
  readonly loaded: LoadedConfig;
  /** The config file read. */
  readonly file: string;
  /** Settings that environment variables set (empty when none did). */
  readonly fromEnv: readonly EnvSetting[];
}

/** Options of {@link loadDemoConfig}. */
export interface DemoConfigOptions {
  /** @defaultValue {@link DEFAULT_CONFIG_FILE} */
  readonly file?: string;
  /** Environment to read overrides from, or `false`. @defaultValue process.env */
  readonly env?: Readonly<Record<string, string | undefined>> | false;
  /** Programmatic overrides per service (the last word). */
  readonly overrides?: Readonly<Record<string, ReliabilityConfigInput>>;
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Loads `rel.config.json` with `loadConfig` (profile < file < env < overrides) and lists,
 * from `sources`, every setting an environment variable decided, so the demo can print it.
 *
 * @throws `RelConfigError` listing every bad field of every source at once.
 * @example
 * ```ts
 * const { loaded, fromEnv } = await loadDemoConfig({ env: { REL__OPENAI__RETRY__MAX_ATTEMPTS: '2' } });
 * fromEnv[0]; // { service: 'openai', path: 'retry.maxAttempts', variable: 'REL__OPENAI__RETRY__MAX_ATTEMPTS', value: 2 }
 * ```
 */
export async function loadDemoConfig(options: DemoConfigOptions = {}): Promise<DemoConfig> {
  const file = options.file ?? DEFAULT_CONFIG_FILE;
  const loaded = await loadConfig({
    file,
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  // The agents need these; a config file without them is a clear error, not a crash later.
  for (const service of Object.values(DEMO_SERVICES)) loaded.service(service);
  const fromEnv: EnvSetting[] = [];
  for (const [service, { set }] of Object.entries(loaded.sources)) {
    for (const [path, source] of Object.entries(set)) {
      if (!source.startsWith('env:')) continue;
      fromEnv.push({
        service,
        path,
        variable: source.slice('env:'.length),
        value: valueAt(loaded.services[service], path),
      });
    }
  }
  return { loaded, file, fromEnv };
}
