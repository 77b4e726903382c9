import { describe, expect, it } from 'vitest';
import { API_CIRCUIT_BREAKER, DATABASE_CIRCUIT_BREAKER, LLM_CIRCUIT_BREAKER } from './circuit-policies.js';
import {
  AGENT_RELIABILITY_PROFILE,
  API_RELIABILITY_PROFILE,
  DATABASE_RELIABILITY_PROFILE,
  FILE_RELIABILITY_PROFILE,
  LLM_RELIABILITY_PROFILE,
  RELIABILITY_PROFILES,
  WEBSOCKET_RELIABILITY_PROFILE,
  defineProfile,
  getProfile,
} from './profiles.js';
import {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './retry-policies.js';

// The legacy unified_retry_handler table (legacy-api §6.1), seconds -> ms.
// Columns: attempts, base, max, multiplier, jitter range, overall timeout.
const LEGACY = {
  DATABASE: [DATABASE_RETRY_POLICY, 5, 500, 30_000, 2.0, 0.1, 60_000, 'proportional'],
  LLM: [LLM_RETRY_POLICY, 4, 2_000, 120_000, 2.5, 0.15, 300_000, 'proportional'],
  AGENT: [AGENT_RETRY_POLICY, 3, 1_000, 60_000, 2.0, 0.1, 120_000, 'none'],
  API: [API_RETRY_POLICY, 3, 1_000, 30_000, 2.0, 0.1, 30_000, 'proportional'],
  WEBSOCKET: [WEBSOCKET_RETRY_POLICY, 2, 500, 5_000, 2.0, 0.05, 10_000, 'none'],
  FILE: [FILE_RETRY_POLICY, 3, 200, 2_000, 1.5, 0.05, 30_000, 'none'],
} as const;

describe('domain retry policies', () => {
  it.each(Object.entries(LEGACY))('%s has exactly the legacy numbers', (_name, row) => {
    const [policy, maxAttempts, baseDelayMs, maxDelayMs, multiplier, jitterRange, totalTimeoutMs, jitter] =
      row;
    expect(policy).toMatchObject({
      maxAttempts,
      baseDelayMs,
      maxDelayMs,
      multiplier,
      jitterRange,
      totalTimeoutMs,
      jitter,
    });
    expect(policy.backoff).toBe('exponential');
  });

  it('use the classifier of their domain', () => {
    expect(DATABASE_RETRY_POLICY.classifier).toBe('database');
    expect(LLM_RETRY_POLICY.classifier).toBe('llm');
    expect(API_RETRY_POLICY.classifier).toBe('http');
    expect(WEBSOCKET_RETRY_POLICY.classifier).toBe('websocket');
    expect(FILE_RETRY_POLICY.classifier).toBe('file');
  });

  it.each(Object.entries(LEGACY))('%s cannot be mutated, even deep inside', (_name, [policy]) => {
    expect(() => {
      (policy as { maxAttempts: number }).maxAttempts = 99;
    }).toThrow(TypeError);
    if (policy.budget !== false) {
      expect(() => {
        (policy.budget as { ratio: number }).ratio = 5;
      }).toThrow(TypeError);
    }
    expect(policy.maxAttempts).toBe(_name === 'DATABASE' ? 5 : policy.maxAttempts);
  });
});

describe('domain breakers and profiles', () => {
  it('keep the legacy breaker thresholds and recovery times', () => {
    expect(DATABASE_CIRCUIT_BREAKER).toMatchObject({
      strategy: 'consecutive',
      failureThreshold: 5,
      openMs: 60_000,
    });
    expect(LLM_CIRCUIT_BREAKER).toMatchObject({
      strategy: 'consecutive',
      failureThreshold: 3,
      openMs: 180_000,
    });
    expect(API_CIRCUIT_BREAKER).toMatchObject({
      strategy: 'consecutive',
      failureThreshold: 3,
      openMs: 30_000,
    });
  });

  it('combine each policy with its breaker (or none, as in the legacy code)', () => {
    expect(DATABASE_RELIABILITY_PROFILE.retry).toEqual(DATABASE_RETRY_POLICY);
    expect(DATABASE_RELIABILITY_PROFILE.circuitBreaker).toEqual(DATABASE_CIRCUIT_BREAKER);
    expect(LLM_RELIABILITY_PROFILE.circuitBreaker).toEqual(LLM_CIRCUIT_BREAKER);
    expect(API_RELIABILITY_PROFILE.circuitBreaker).toEqual(API_CIRCUIT_BREAKER);
    expect(AGENT_RELIABILITY_PROFILE.circuitBreaker).toBe(false);
    expect(WEBSOCKET_RELIABILITY_PROFILE.circuitBreaker).toBe(false);
    expect(FILE_RELIABILITY_PROFILE.circuitBreaker).toBe(false);
    expect(LLM_RELIABILITY_PROFILE.events.enabled).toBe(false);
    expect(AGENT_RELIABILITY_PROFILE.events.enabled).toBe(true);
  });

  it('are frozen all the way down', () => {
    for (const profile of Object.values(RELIABILITY_PROFILES)) {
      expect(Object.isFrozen(profile)).toBe(true);
      expect(Object.isFrozen(profile.retry)).toBe(true);
      expect(Object.isFrozen(profile.health)).toBe(true);
    }
    expect(() => {
      (LLM_RELIABILITY_PROFILE.retry as { maxAttempts: number }).maxAttempts = 1;
    }).toThrow(TypeError);
  });

  it('defineProfile layers over a named profile without touching it', () => {
    const custom = defineProfile({ profile: 'llm', retry: { maxAttempts: 6 }, events: { enabled: true } });
    expect(custom.retry).toEqual({ ...LLM_RETRY_POLICY, maxAttempts: 6 });
    expect(custom.events.enabled).toBe(true);
    expect(LLM_RETRY_POLICY.maxAttempts).toBe(4);
    expect(LLM_RELIABILITY_PROFILE.events.enabled).toBe(false);
  });

  it('getProfile suggests a name for a typo', () => {
    expect(() => getProfile('lmm')).toThrow(/did you mean "llm"/);
    expect(() => defineProfile({ profile: 'lmm' } as never)).toThrow(/profile: received "lmm"/);
  });
});
