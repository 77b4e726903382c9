import { FakeClock } from '@rel/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMigrationSummary, getMigrationStatus, logMigrationSummary } from './migration-status.js';
import { DEPRECATIONS } from './registry.js';
import { resetDeprecationsForTests, resetMigrationStatus, setMigrationClock } from './usage.js';
import { deprecationMessage, hasWarned, useLegacy } from './warn-once.js';

/** Node's real warnings, as `process.on('warning')` sees them (emitted on the next tick). */
function captureWarnings(): { warnings: (Error & { code?: string })[]; stop: () => void } {
  const warnings: (Error & { code?: string })[] = [];
  const listener = (w: Error): void => void warnings.push(w);
  process.on('warning', listener);
  return { warnings, stop: () => void process.off('warning', listener) };
}
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => resetDeprecationsForTests());
afterEach(() => resetDeprecationsForTests());

describe('useLegacy', () => {
  it('emits one DeprecationWarning per code per process, with its code, replacement and removal version', async () => {
    const { warnings, stop } = captureWarnings();
    try {
      useLegacy('REL_DEP001');
      useLegacy('REL_DEP001');
      useLegacy('REL_DEP005');
      useLegacy('REL_DEP001');
      await tick();
    } finally {
      stop();
    }
    expect(warnings.map((w) => [w.name, w.code])).toEqual([
      ['DeprecationWarning', 'REL_DEP001'],
      ['DeprecationWarning', 'REL_DEP005'],
    ]);
    expect(warnings[0]!.message).toBe(deprecationMessage(DEPRECATIONS.REL_DEP001));
    expect(warnings[0]!.message).toContain('RetryManager');
    expect(warnings[0]!.message).toContain('2.0.0');
    expect(warnings[0]!.message).toContain(DEPRECATIONS.REL_DEP001.replacement);
    expect(hasWarned('REL_DEP001')).toBe(true);
    expect(hasWarned('REL_DEP002')).toBe(false);
  });

  it('a reset of the migration status does not warn again', async () => {
    const { warnings, stop } = captureWarnings();
    try {
      useLegacy('REL_DEP002');
      resetMigrationStatus();
      useLegacy('REL_DEP002');
      await tick();
    } finally {
      stop();
    }
    expect(warnings).toHaveLength(1);
    expect(getMigrationStatus().names[0]).toMatchObject({ code: 'REL_DEP002', uses: 1, warned: true });
  });
});

describe('getMigrationStatus', () => {
  it('reports which names were used, how often, when first and last, in code order (JSON-friendly)', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1));
    setMigrationClock(clock);
    expect(getMigrationStatus()).toMatchObject({
      migrationComplete: true,
      legacyNamesUsed: 0,
      totalUses: 0,
      names: [],
    });
    useLegacy('REL_DEP027');
    await clock.advance(60_000);
    useLegacy('REL_DEP001');
    useLegacy('REL_DEP027');
    const status = getMigrationStatus();
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
    expect(status).toMatchObject({
      migrationComplete: false,
      legacyNamesUsed: 2,
      totalUses: 3,
      removalVersion: '2.0.0',
    });
    expect(status.names.map((n) => [n.code, n.name, n.uses, n.firstUsedAt, n.lastUsedAt])).toEqual([
      ['REL_DEP001', 'RetryManager', 1, '2025-01-01T00:01:00.000Z', '2025-01-01T00:01:00.000Z'],
      ['REL_DEP027', 'withRetry', 2, '2025-01-01T00:00:00.000Z', '2025-01-01T00:01:00.000Z'],
    ]);
    expect(status.names[0]!.replacement).toBe(DEPRECATIONS.REL_DEP001.replacement);
    expect(status.generatedAt).toBe('2025-01-01T00:01:00.000Z');
  });

  it('summarises in one line, most used first, and logs warn while legacy names are in use', () => {
    expect(formatMigrationSummary()).toBe('@rel/compat: no legacy names used; ready for removal');
    useLegacy('REL_DEP010');
    useLegacy('REL_DEP001');
    useLegacy('REL_DEP001');
    expect(formatMigrationSummary()).toBe(
      '@rel/compat: 2 legacy names used 3 times before removal in 2.0.0: RetryManager x2 (REL_DEP001), FAST_LLM_RETRY x1 (REL_DEP010)',
    );
    const lines: [string, object, string][] = [];
    const logger = {
      info: (o: object, m: string) => void lines.push(['info', o, m]),
      warn: (o: object, m: string) => void lines.push(['warn', o, m]),
    };
    const status = logMigrationSummary(logger);
    expect(lines).toEqual([['warn', { migration: status }, formatMigrationSummary(status)]]);
    resetMigrationStatus();
    logMigrationSummary(logger);
    expect(lines[1]![0]).toBe('info');
  });
});

describe('without process.emitWarning (a browser bundle, an edge runtime)', () => {
  it('falls back to console.warn, still once per code', () => {
    const original = process.emitWarning;
    const printed: unknown[][] = [];
    const warn = console.warn;
    (process as { emitWarning?: unknown }).emitWarning = undefined;
    console.warn = (...args: unknown[]) => void printed.push(args);
    try {
      useLegacy('REL_DEP008');
      useLegacy('REL_DEP008');
    } finally {
      process.emitWarning = original;
      console.warn = warn;
    }
    expect(printed).toEqual([
      [`[DeprecationWarning] REL_DEP008: ${deprecationMessage(DEPRECATIONS.REL_DEP008)}`],
    ]);
  });
});
