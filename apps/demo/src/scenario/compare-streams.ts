import type { UserLedger } from '../service/event-ledger.js';
import type { UserReport } from './scenario-report.js';
import type { ReceivedEvent } from './user-stream.js';

const TERMINAL = new Set(['agent_completed', 'agent_error']);

/**
 * Compares what the server sent to one user (the ledger) with what that user's WebSocket
 * client received: lost, duplicated, out-of-sequence and mismatched events, events of other
 * users or of runs never sent to this user, and runs that did not end with exactly one
 * terminal event.
 *
 * @example
 * ```ts
 * const report = compareStreams(service.ledger.user('alice'), alice.received, alice.stats());
 * report.lostCount; // 0
 * ```
 */
export function compareStreams(
  sent: UserLedger,
  received: readonly ReceivedEvent[],
  client: { readonly resyncsSeen: number; readonly reconnects: number },
): UserReport {
  const sentBySeq = new Map(sent.entries.map((e) => [e.seq, e]));
  const seen = new Set<number>();
  let duplicates = 0;
  let gaps = 0;
  let mismatched = 0;
  let crossUser = 0;
  let foreignRuns = 0;
  let previous = sent.dropped === 0 ? 0 : (sent.entries[0]?.seq ?? 1) - 1;
  const byType: Record<string, number> = {};
  const runs = new Map<string, { terminals: number; lastIsTerminal: boolean; started: boolean }>();
  for (const event of received) {
    if (seen.has(event.seq)) duplicates++;
    seen.add(event.seq);
    if (event.seq !== previous + 1) gaps++;
    previous = event.seq;
    if (event.userId !== sent.userId) crossUser++;
    if (!sent.runIds.has(event.runId)) foreignRuns++;
    const expected = sentBySeq.get(event.seq);
    if (expected !== undefined && (expected.type !== event.type || expected.runId !== event.runId))
      mismatched++;
    byType[event.type] = (byType[event.type] ?? 0) + 1;
    const run = runs.get(event.runId) ?? { terminals: 0, lastIsTerminal: false, started: false };
    if (event.type === 'agent_started') run.started = true;
    const terminal = TERMINAL.has(event.type);
    if (terminal) run.terminals++;
    run.lastIsTerminal = terminal;
    runs.set(event.runId, run);
  }
  const lost = sent.entries.filter((e) => !seen.has(e.seq)).map((e) => e.seq);
  let unterminated = 0;
  for (const run of runs.values())
    if (!run.started || run.terminals !== 1 || !run.lastIsTerminal) unterminated++;
  return {
    userId: sent.userId,
    sent: sent.sent,
    headSeq: sent.headSeq,
    ledgerDropped: sent.dropped,
    received: received.length,
    lost: lost.slice(0, 10),
    lostCount: lost.length,
    duplicates,
    gaps,
    mismatched,
    crossUser,
    foreignRuns,
    runs: {
      started: byType['agent_started'] ?? 0,
      completed: byType['agent_completed'] ?? 0,
      failed: byType['agent_error'] ?? 0,
    },
    unterminatedRuns: unterminated,
    byType,
    resyncs: client.resyncsSeen,
    reconnects: client.reconnects,
  };
}
