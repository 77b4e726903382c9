import { describe, expect, it } from 'vitest';
import { FlushScheduler, type Flushable } from './flush-scheduler.js';

describe('FlushScheduler', () => {
  it('flushes each queued target once, after the current synchronous code', async () => {
    const errors: unknown[] = [];
    const scheduler = new FlushScheduler((e) => errors.push(e));
    const flushed: string[] = [];
    const target = (name: string): Flushable => ({ queued: false, flush: () => void flushed.push(name) });
    const [a, b] = [target('a'), target('b')];
    for (let i = 0; i < 5; i++) scheduler.schedule(a);
    scheduler.schedule(b);
    expect(flushed).toEqual([]); // nothing written inside send()
    await Promise.resolve();
    expect(flushed).toEqual(['a', 'b']);
    scheduler.schedule(a); // queued again after its flush
    await Promise.resolve();
    expect(flushed).toEqual(['a', 'b', 'a']);
    expect(errors).toEqual([]);
  });

  it('reports a throwing flush and still flushes the others', async () => {
    const errors: unknown[] = [];
    const scheduler = new FlushScheduler((e) => errors.push(e));
    const boom = new Error('socket gone');
    let ran = false;
    scheduler.schedule({
      queued: false,
      flush: () => {
        throw boom;
      },
    });
    scheduler.schedule({ queued: false, flush: () => void (ran = true) });
    await Promise.resolve();
    expect(errors).toEqual([boom]);
    expect(ran).toBe(true);
  });
});
