import { formatIssues, toValidationIssues } from '@rel/config';
import { AgentEventSchema, type AgentEvent } from '../events/envelope.js';
import { COALESCIBLE_EVENT_TYPES, TERMINAL_EVENT_TYPES } from '../events/event-types.js';
import type { ConnectionContext } from './connection.js';
import type { BufferedEvent } from './replay-buffer.js';
import type { StreamRegistry } from './stream-registry.js';
import type { ThreadOwnership } from './thread-ownership.js';

const COALESCIBLE = [...COALESCIBLE_EVENT_TYPES];

/** What is wrong with the fields the server relies on, if anything (cheap; no schema walk). */
export function envelopeProblem(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return 'the event is not an object';
  const e = event as Record<string, unknown>;
  if (typeof e['user_id'] !== 'string' || e['user_id'] === '') return 'user_id must be a non-empty string';
  if (typeof e['run_id'] !== 'string' || e['run_id'] === '') return 'run_id must be a non-empty string';
  if (typeof e['type'] !== 'string') return 'type must be a string';
  if (!Number.isSafeInteger(e['seq']) || (e['seq'] as number) < 1) return 'seq must be an integer >= 1';
  if (e['thread_id'] !== undefined && typeof e['thread_id'] !== 'string') return 'thread_id must be a string';
  return undefined;
}

/**
 * Accepts one event into its user's stream and offers it to the stream's readers. The
 * event is serialized once, into a Buffer every connection writes as-is.
 *
 * The `seq` must be exactly the user's head + 1. A `seq` at or below the head (duplicate
 * or reordered) is rejected and logged: delivering it would corrupt every reader's order.
 * A `seq` above head + 1 means upstream lost events: it is accepted, and the readers are
 * told to resync (`rel.resync_required`, reason `gap`), since the missing ones never come.
 */
export function publishEvent(
  event: AgentEvent,
  streams: StreamRegistry,
  ownership: ThreadOwnership,
  ctx: ConnectionContext,
): void {
  const { stats, logger, options } = ctx;
  stats.eventsReceived++;
  let problem = envelopeProblem(event);
  if (problem === undefined && options.validateEvents) {
    const parsed = AgentEventSchema.safeParse(event);
    if (!parsed.success)
      problem = formatIssues('agent event', toValidationIssues(AgentEventSchema, event, parsed.error.issues));
  }
  if (problem !== undefined) {
    stats.eventsRejected++;
    logger.warn({ problem }, 'malformed event rejected by the WebSocket server');
    return;
  }
  const now = options.clock.now();
  const stream = streams.open(event.user_id, now);
  const verdict = stream.check(event.seq);
  if (verdict === 'stale') {
    stats.eventsRejected++;
    logger.warn(
      { user_id: event.user_id, seq: event.seq, head_seq: stream.headSeq },
      'event seq is not above the user head; rejected (duplicate or out of order)',
    );
    return;
  }
  if (verdict === 'gap') {
    stats.seqGaps++;
    logger.warn(
      { user_id: event.user_id, seq: event.seq, head_seq: stream.headSeq },
      'event seq skipped ahead; readers resync',
    );
  }
  const threadId = event.thread_id;
  if (threadId !== undefined) {
    const other = ownership.learn(threadId, event.user_id);
    if (other !== undefined)
      logger.warn({ thread_id: threadId, user_id: event.user_id }, 'thread already owned by another user');
  }
  const data = Buffer.from(JSON.stringify(event));
  const newest = verdict === 'gap' ? undefined : stream.buffer.newest;
  const buffered: BufferedEvent = {
    seq: event.seq,
    data,
    at: now,
    runId: event.run_id,
    threadId,
    coalesceKey:
      options.backpressure.coalesce && COALESCIBLE_EVENT_TYPES.has(event.type)
        ? `${event.run_id}\u0000${event.type}`
        : undefined,
    supersededBy: 0,
    cumulativeBytes: (newest?.cumulativeBytes ?? 0) + data.length,
  };
  stream.append(buffered, verdict);
  if (TERMINAL_EVENT_TYPES.has(event.type)) stream.endRun(event.run_id, COALESCIBLE);
  for (const reader of stream.readers) reader.offer(now);
  const evicted = streams.enforceTotal();
  if (evicted > 0) {
    stats.eventsEvictedForMemory += evicted;
    logger.warn(
      { evicted, buffered_bytes: streams.totalBytes, max_total_bytes: options.replay.maxTotalBytes },
      'replay buffers over replay.maxTotalBytes; the largest lost their oldest events',
    );
  }
}
