import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RelConfigError } from '../errors/config-error.js';
import { LLM_RETRY_POLICY } from '../policies/retry-policies.js';
import { defineConfig } from './define-config.js';
import { screamingToCamel } from './env.js';
import { loadConfig } from './load-config.js';

function writeJson(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'rel-config-'));
  const file = join(dir, 'rel.config.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('loadConfig', () => {
  it('layers profile < file < env < overrides and records where each setting came from', async () => {
    const file = writeJson({
      services: {
        openai: { profile: 'llm', retry: { maxAttempts: 5, baseDelayMs: 100 } },
        pg: { profile: 'database' },
      },
    });
    const config = await loadConfig({
      file,
      env: {
        REL__OPENAI__RETRY__BASE_DELAY_MS: '250',
        REL__OPENAI__RETRY__MAX_ATTEMPTS: '6',
        UNRELATED: 'x',
      },
      overrides: { openai: { retry: { maxAttempts: 2 } } },
    });
    const openai = config.service('openai');
    expect(openai.retry).toEqual({ ...LLM_RETRY_POLICY, maxAttempts: 2, baseDelayMs: 250 });
    expect(config.service('pg').retry.maxAttempts).toBe(5);
    expect(config.sources['openai']).toEqual({
      profile: 'llm',
      set: { 'retry.maxAttempts': 'overrides', 'retry.baseDelayMs': 'env:REL__OPENAI__RETRY__BASE_DELAY_MS' },
    });
    expect(Object.isFrozen(openai.retry)).toBe(true);
    expect(LLM_RETRY_POLICY.maxAttempts).toBe(4);
  });

  it('reads env values as JSON where they parse (booleans, numbers, nested sections)', async () => {
    const config = await loadConfig({
      env: {
        REL__TOOLS__PROFILE: 'api',
        REL__TOOLS__CIRCUIT_BREAKER: 'false',
        REL__TOOLS__RETRY__BUDGET__RATIO: '0.05',
        REL__TOOLS__RETRY__JITTER: 'equal',
      },
    });
    expect(config.service('tools').circuitBreaker).toBe(false);
    expect(config.service('tools').retry).toMatchObject({
      jitter: 'equal',
      budget: { ratio: 0.05, ttlMs: 10_000 },
      maxAttempts: 3,
    });
  });

  it('matches env service tokens to known service names', async () => {
    const config = await loadConfig({
      config: { services: { 'tool-api': { profile: 'api' } } },
      env: { REL__TOOL_API__RETRY__MAX_ATTEMPTS: '7' },
    });
    expect(Object.keys(config.services)).toEqual(['tool-api']);
    expect(config.service('tool-api').retry.maxAttempts).toBe(7);
  });

  it('reports every problem of every source in one error', async () => {
    const file = writeJson({ services: { openai: { profile: 'lmm', retry: { maxAtempts: 5 } } } });
    const error = await loadConfig({
      file,
      env: { REL__OPENAI__RETRY__JITTER: 'fulll', REL__BAD: '1' },
      overrides: { openai: { circuitBreaker: { openMs: -5 } } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelConfigError);
    const message = (error as Error).message;
    expect(message).toContain('file.services.openai.profile: received "lmm"');
    expect(message).toContain('(did you mean "llm"?)');
    expect(message).toContain(
      'file.services.openai.retry.maxAtempts: unknown key (did you mean "maxAttempts"?)',
    );
    expect(message).toContain(
      'env REL__OPENAI__RETRY__JITTER -> services.openai.retry.jitter: received "fulll"',
    );
    expect(message).toContain('env REL__BAD: received "1"');
    expect(message).toContain('overrides.openai.circuitBreaker.openMs: received -5; expected a number > 0');
    expect((error as RelConfigError).issues).toHaveLength(5);
  });

  it('explains unreadable and malformed files', async () => {
    await expect(loadConfig({ file: '/nonexistent/rel.json', env: false })).rejects.toThrow(
      /file \/nonexistent\/rel.json: .*a readable file/,
    );
    await expect(loadConfig({ file: writeJson('{ nope'), env: false })).rejects.toThrow(
      /expected valid JSON/,
    );
  });

  it('finds the file through REL_CONFIG_FILE', async () => {
    const file = writeJson({ services: { a: {} } });
    const config = await loadConfig({ env: { REL_CONFIG_FILE: file } });
    expect(Object.keys(config.services)).toEqual(['a']);
  });

  it('answers an unknown service clearly', async () => {
    const config = await loadConfig({ config: { services: { openai: {} } }, env: false });
    expect(() => config.service('opena')).toThrow(
      /services.opena: received nothing; expected a configured service \(openai\) \(did you mean "openai"\?\)/,
    );
  });

  it('defineConfig validates eagerly and keeps the literal type', () => {
    const config = defineConfig({ services: { openai: { profile: 'llm' } } });
    expect(config.services.openai.profile).toBe('llm');
    expect(() => defineConfig({ services: { openai: { retry: { maxAttempts: 0 } } } })).toThrow(
      /services.openai.retry.maxAttempts: received 0; expected a number >= 1/,
    );
  });

  it('converts env segments to camelCase', () => {
    expect(screamingToCamel('MAX_ATTEMPTS')).toBe('maxAttempts');
    expect(screamingToCamel('CIRCUIT_BREAKER')).toBe('circuitBreaker');
    expect(screamingToCamel('RETRY')).toBe('retry');
  });
});
