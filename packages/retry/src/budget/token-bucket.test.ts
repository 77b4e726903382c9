import { DEFAULT_RETRY_BUDGET, RegistryConflictError } from '@rel/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBudgetStore, InMemoryBudgetStore } from './budget-store.js';
import { TokenBucketBudget } from './token-bucket.js';

const T0 = 1_700_000_000_000;

describe('TokenBucketBudget', () => {
  it('starts with a full floor of minRetriesPerSecond tokens, then refuses', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 0.2, minRetriesPerSecond: 3, ttlMs: 10_000 });
    expect(budget.available(T0)).toBe(3);
    expect([1, 2, 3, 4].map(() => budget.tryWithdraw(T0))).toEqual([true, true, true, false]);
    expect(budget.snapshot(T0)).toMatchObject({ available: 0, allowed: 3, refused: 1 });
  });

  it('each first attempt deposits ratio tokens, exactly (five deposits of 0.2 make one retry)', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 0.2, minRetriesPerSecond: 0, ttlMs: 10_000 });
    for (let i = 0; i < 4; i++) budget.deposit(T0);
    expect(budget.tryWithdraw(T0)).toBe(false);
    budget.deposit(T0);
    expect(budget.available(T0)).toBe(1);
    expect(budget.tryWithdraw(T0)).toBe(true);
    expect(budget.available(T0)).toBe(0);
  });

  it('deposits expire after ttlMs (within one tenth of it)', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 1, minRetriesPerSecond: 0, ttlMs: 10_000 });
    budget.deposit(T0);
    budget.deposit(T0);
    expect(budget.available(T0 + 8_999)).toBe(2);
    expect(budget.available(T0 + 10_000)).toBe(0);
    expect(budget.tryWithdraw(T0 + 10_000)).toBe(false);
  });

  it('withdraws the oldest deposits first, so the newest live longest', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 1, minRetriesPerSecond: 0, ttlMs: 10_000 });
    budget.deposit(T0); // expires first
    budget.deposit(T0 + 5_000);
    expect(budget.tryWithdraw(T0 + 5_000)).toBe(true);
    // The T0 deposit was spent; the T0+5000 one is still there after T0 expires.
    expect(budget.available(T0 + 11_000)).toBe(1);
  });

  it('the floor refills at minRetriesPerSecond up to one second of tokens', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 0, minRetriesPerSecond: 10, ttlMs: 10_000 });
    for (let i = 0; i < 10; i++) expect(budget.tryWithdraw(T0)).toBe(true);
    expect(budget.tryWithdraw(T0)).toBe(false);
    expect(budget.available(T0 + 100)).toBeCloseTo(1, 9);
    expect(budget.available(T0 + 60_000)).toBe(10);
  });

  it('a fractional floor still allows one retry per 1/rate seconds', () => {
    const budget = new TokenBucketBudget('svc', { ratio: 0, minRetriesPerSecond: 0.5, ttlMs: 10_000 });
    expect(budget.tryWithdraw(T0)).toBe(true);
    expect(budget.tryWithdraw(T0 + 1_000)).toBe(false);
    expect(budget.tryWithdraw(T0 + 2_000)).toBe(true);
  });
});

type Op = { kind: 'deposit' | 'withdraw'; dt: number };
const ops = fc.array(
  fc.record({
    kind: fc.constantFrom<'deposit' | 'withdraw'>('deposit', 'withdraw'),
    dt: fc.integer({ min: 0, max: 3_000 }),
  }),
  { maxLength: 300 },
);
const settings = fc.record({
  ratio: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.5, 1, 2),
  minRetriesPerSecond: fc.constantFrom(0, 0.5, 1, 5, 10),
  ttlMs: fc.integer({ min: 1_000, max: 60_000 }),
});

describe('TokenBucketBudget (property)', () => {
  it('tokens are never negative, and a refusal happens exactly when less than one token is there', () => {
    fc.assert(
      fc.property(settings, ops, (s, sequence: Op[]) => {
        const budget = new TokenBucketBudget('p', s);
        let now = T0;
        for (const op of sequence) {
          now += op.dt;
          if (op.kind === 'deposit') budget.deposit(now);
          else {
            const before = budget.available(now);
            const ok = budget.tryWithdraw(now);
            expect(ok).toBe(before >= 1);
            if (ok) expect(budget.available(now)).toBeCloseTo(before - 1, 9);
          }
          expect(budget.available(now)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('retries never exceed ratio x deposits in the window plus the floor (no deposits: only the floor)', () => {
    fc.assert(
      fc.property(
        settings,
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 500 }),
        (s, spanMs, deposits) => {
          const budget = new TokenBucketBudget('p', s);
          for (let i = 0; i < deposits; i++) budget.deposit(T0);
          let allowed = 0;
          for (let t = 0; t <= spanMs; t += 50) while (budget.tryWithdraw(T0 + t)) allowed++;
          const floorCap = s.minRetriesPerSecond > 0 ? Math.max(1, s.minRetriesPerSecond) : 0;
          const bound = Math.floor(
            s.ratio * deposits + floorCap + (s.minRetriesPerSecond * spanMs) / 1000 + 1e-9,
          );
          expect(allowed).toBeLessThanOrEqual(bound + 1e-9);
        },
      ),
    );
  });

  it('the floor is honoured: with no deposits, about minRetriesPerSecond retries per second get through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 30 }), (rate, seconds) => {
        const budget = new TokenBucketBudget('p', { ratio: 0.2, minRetriesPerSecond: rate, ttlMs: 10_000 });
        let allowed = 0;
        for (let ms = 0; ms <= seconds * 1000; ms += 10) while (budget.tryWithdraw(T0 + ms)) allowed++;
        // The initial second's worth, plus the refill (the last partial token may still be filling).
        expect(allowed).toBeGreaterThanOrEqual(rate + rate * seconds - 1);
        expect(allowed).toBeLessThanOrEqual(rate + rate * seconds);
      }),
    );
  });
});

describe('budget stores', () => {
  it('one key, one budget; different settings are a conflict', () => {
    const store = new InMemoryBudgetStore();
    const a = store.get('db', DEFAULT_RETRY_BUDGET);
    expect(store.get('db', { ...DEFAULT_RETRY_BUDGET })).toBe(a);
    expect(store.peek('db')).toBe(a);
    expect(store.keys()).toEqual(['db']);
    expect(() => store.get('db', { ...DEFAULT_RETRY_BUDGET, ratio: 0.5 })).toThrow(RegistryConflictError);
    expect(() => store.get('db', { ...DEFAULT_RETRY_BUDGET, ratio: 0.5 })).toThrow(/ratio 0.2.*ratio 0.5/);
    store.clear();
    expect(store.peek('db')).toBeUndefined();
  });

  it('the default store is one per process', () => {
    expect(defaultBudgetStore()).toBe(defaultBudgetStore());
    expect(defaultBudgetStore()).toBeInstanceOf(InMemoryBudgetStore);
  });
});
