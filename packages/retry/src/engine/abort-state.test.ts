import { describe, expect, it } from 'vitest';
import { AbortState } from './abort-state.js';

describe('AbortState', () => {
  it('hands out one signal, aborted with the first reason only', () => {
    const state = new AbortState();
    const signal = state.signal;
    expect(state.signal).toBe(signal);
    expect([signal.aborted, state.reason]).toEqual([false, undefined]);
    state.abort('timeout');
    state.abort('cancelled');
    expect([signal.aborted, signal.reason, state.reason]).toEqual([true, 'timeout', 'timeout']);
  });

  it('a signal first read after the abort is already aborted with that reason', () => {
    const state = new AbortState();
    const reason = new Error('cut');
    state.abort(reason);
    expect(state.signal.aborted).toBe(true);
    expect(state.signal.reason).toBe(reason);
  });

  it('an abort reason of undefined still counts as aborted', () => {
    const state = new AbortState();
    state.abort(undefined);
    state.abort('later');
    expect(state.signal.aborted).toBe(true);
    expect(state.reason).toBeUndefined();
  });
});
