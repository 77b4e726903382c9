// Test helpers shared by the tests of @rel/core (not shipped: outside src/).
import type { ReliabilityConfigInput } from '@rel/config';
import { FakeClock, seededRandom } from '@rel/test-utils';
import { pino, type Logger } from 'pino';
import { MemoryEventSink } from '../src/events/memory-sink.js';
import { ReliabilityManager } from '../src/manager/reliability-manager.js';
import type { ReliabilityManagerOptions } from '../src/manager/manager-options.js';

/** A logger that keeps its lines as objects. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level },
    { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
  );
  return { logger, lines };
}

/** A manager on a fake clock with a memory sink and a memory logger. */
export function testManager(options: ReliabilityManagerOptions = {}) {
  const clock = new FakeClock();
  const sink = new MemoryEventSink();
  const { logger, lines } = memoryLogger();
  const manager = new ReliabilityManager({
    clock,
    random: seededRandom(1),
    sinks: [sink],
    logger,
    ...options,
  });
  return { clock, sink, logger, lines, manager };
}

/** A quick profile: no jitter, 100 ms base delay, so waits are easy to follow. */
export const quick = (input: ReliabilityConfigInput = {}): ReliabilityConfigInput => ({
  ...input,
  retry: { jitter: 'none', baseDelayMs: 100, ...input.retry },
});

/** A Node-style connection reset (transient, retryable). */
export const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
