import { describe, expect, it } from 'vitest';
import { ErrorHistory, MAX_ERROR_MESSAGE_LENGTH, errorMessage } from './error-history.js';

describe('ErrorHistory', () => {
  it('keeps the last 100 entries: the oldest is evicted and order is kept', () => {
    const history = new ErrorHistory(100);
    for (let i = 1; i <= 150; i++)
      history.add(1_000 + i, 'transient', new Error(`failure ${i}`), (i % 3) + 1);
    const entries = history.entries();
    expect(entries).toHaveLength(100);
    expect(history.size).toBe(100);
    expect(entries[0]).toEqual({
      time: 1_051,
      kind: 'transient',
      message: 'failure 51',
      name: 'Error',
      attempt: 1,
    });
    expect(entries.at(-1)?.message).toBe('failure 150');
    expect(entries.map((e) => e.time)).toEqual(Array.from({ length: 100 }, (_, i) => 1_051 + i));
    expect(history.last()?.message).toBe('failure 150');
  });

  it('returns entries oldest first before it is full, and frozen', () => {
    const history = new ErrorHistory(100);
    history.add(1, 'timeout', undefined, 0);
    history.add(2, 'rate_limited', 'slow down', 2);
    expect(history.entries()).toEqual([
      { time: 1, kind: 'timeout', message: 'timeout' },
      { time: 2, kind: 'rate_limited', message: 'slow down', attempt: 2 },
    ]);
    expect(Object.isFrozen(history.entries()[0])).toBe(true);
  });

  it('keeps nothing with capacity 0, and clear() empties it', () => {
    const none = new ErrorHistory(0);
    none.add(1, 'permanent', new Error('x'), 1);
    expect(none.entries()).toEqual([]);
    expect(none.last()).toBeUndefined();
    const history = new ErrorHistory(3);
    history.add(1, 'permanent', new Error('x'), 1);
    history.clear();
    expect(history.entries()).toEqual([]);
  });

  it('keeps the message and name, not the error object', () => {
    const history = new ErrorHistory(2);
    const error = Object.assign(new TypeError('bad payload'), { response: { body: 'x'.repeat(10_000) } });
    history.add(1, 'permanent', error, 1);
    const [entry] = history.entries();
    expect(entry).toEqual({
      time: 1,
      kind: 'permanent',
      message: 'bad payload',
      name: 'TypeError',
      attempt: 1,
    });
    expect(Object.values(entry!)).not.toContain(error);
  });
});

describe('errorMessage', () => {
  it('describes every kind of thrown value', () => {
    expect(errorMessage(new Error('boom'), 'transient')).toBe('boom');
    expect(errorMessage(new RangeError(''), 'transient')).toBe('RangeError');
    expect(errorMessage(undefined, 'timeout')).toBe('timeout');
    expect(errorMessage(null, 'timeout')).toBe('timeout');
    expect(errorMessage('text', 'transient')).toBe('text');
    expect(errorMessage(503, 'overloaded')).toBe('503');
    expect(errorMessage(false, 'overloaded')).toBe('false');
    expect(errorMessage(10n, 'overloaded')).toBe('10');
    expect(errorMessage(Symbol('s'), 'overloaded')).toBe('Symbol(s)');
    expect(errorMessage({ message: 'plain object' }, 'transient')).toBe('plain object');
    expect(errorMessage({ status: 500 }, 'transient')).toBe('[object Object]');
  });

  it('clips long messages', () => {
    const message = errorMessage(new Error('y'.repeat(5_000)), 'transient');
    expect(message).toHaveLength(MAX_ERROR_MESSAGE_LENGTH);
    expect(message.endsWith('...')).toBe(true);
  });
});
