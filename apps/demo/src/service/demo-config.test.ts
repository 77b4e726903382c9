import { RelConfigError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES, loadDemoConfig } from './demo-config.js';

describe('loadDemoConfig (rel.config.json)', () => {
  it('loads the LLM and tool API profiles from the file', async () => {
    const { loaded, fromEnv } = await loadDemoConfig({ env: false });
    expect(Object.keys(loaded.services).sort()).toEqual([DEMO_SERVICES.llm, DEMO_SERVICES.tools].sort());
    expect(loaded.service('openai')).toMatchObject({
      retry: { maxAttempts: 4, classifier: 'llm', budget: { ratio: 0.2, minRetriesPerSecond: 1 } },
      circuitBreaker: { strategy: 'time', openMs: 2_000 },
      events: { enabled: true },
    });
    expect(loaded.sources['openai']?.profile).toBe('llm');
    expect(fromEnv).toEqual([]);
  });

  it('lists each setting an environment variable decided, with its value', async () => {
    const { loaded, fromEnv } = await loadDemoConfig({
      env: {
        REL__OPENAI__RETRY__MAX_ATTEMPTS: '2',
        REL__TOOLS__CIRCUIT_BREAKER__OPEN_MS: '3000',
        HOME: '/x',
      },
    });
    expect(loaded.service('openai').retry.maxAttempts).toBe(2);
    expect(fromEnv).toEqual([
      {
        service: 'openai',
        path: 'retry.maxAttempts',
        variable: 'REL__OPENAI__RETRY__MAX_ATTEMPTS',
        value: 2,
      },
      {
        service: 'tools',
        path: 'circuitBreaker.openMs',
        variable: 'REL__TOOLS__CIRCUIT_BREAKER__OPEN_MS',
        value: 3_000,
      },
    ]);
  });

  it('reports a bad override naming the variable and what is allowed', async () => {
    await expect(loadDemoConfig({ env: { REL__OPENAI__RETRY__MAX_ATTEMPTS: 'many' } })).rejects.toThrow(
      /REL__OPENAI__RETRY__MAX_ATTEMPTS/,
    );
    // An override that breaks a cross-field rule of the file's profile is caught too.
    await expect(loadDemoConfig({ env: { REL__TOOLS__CIRCUIT_BREAKER__OPEN_MS: '5000' } })).rejects.toThrow(
      /services\.tools\.circuitBreaker\.maxOpenMs: received 4000; expected must be >= openMs \(5000\)/,
    );
    await expect(loadDemoConfig({ env: false, file: 'missing.json' })).rejects.toBeInstanceOf(RelConfigError);
  });
});
