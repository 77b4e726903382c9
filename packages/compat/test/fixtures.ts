import type { Random } from '@rel/config';
import { ReliabilityManager, setDefaultManager } from '@rel/core';
import { FakeClock } from '@rel/test-utils';

/**
 * A fresh process default manager on a fake clock, for one test: legacy names delegate to
 * it, so the test reads the canonical health, instances and events there.
 */
export function useFakeDefaultManager(random?: Random): {
  clock: FakeClock;
  manager: ReliabilityManager;
  restore: () => void;
} {
  const clock = new FakeClock();
  const manager = new ReliabilityManager({ clock, ...(random === undefined ? {} : { random }) });
  const previous = setDefaultManager(manager);
  return { clock, manager, restore: () => void setDefaultManager(previous) };
}

/** An error with a Node system code, as sockets throw them. */
export function systemError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

/** The gaps between consecutive times. */
export const gaps = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

/**
 * An operation that throws a fresh `Error('failure n')` on its first `failures` calls and
 * then returns `value`, recording the clock time of every call and every error thrown.
 */
export function failingTimes<T = undefined>(
  clock: { now(): number },
  failures: number,
  value?: T,
  makeError: (n: number) => unknown = (n) => new Error(`failure ${n}`),
): { op: () => Promise<T>; times: number[]; errors: unknown[] } {
  const times: number[] = [];
  const errors: unknown[] = [];
  const op = (): Promise<T> => {
    times.push(clock.now());
    if (times.length <= failures) {
      const error = makeError(times.length);
      errors.push(error);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
    return Promise.resolve(value as T);
  };
  return { op, times, errors };
}
