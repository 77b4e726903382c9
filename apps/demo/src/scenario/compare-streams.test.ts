import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, UserLedger } from '../service/event-ledger.js';
import { compareStreams } from './compare-streams.js';
import type { ReceivedEvent } from './user-stream.js';

/** A ledger of `runs` runs for `user`, each: started, thinking, completed; seq 1..3*runs. */
function ledger(user: string, runs: number): UserLedger {
  const entries: LedgerEntry[] = [];
  for (let r = 0; r < runs; r++) {
    for (const type of ['agent_started', 'agent_thinking', 'agent_completed'] as const) {
      entries.push({ seq: entries.length + 1, type, runId: `${user}-run-${r}` });
    }
  }
  return {
    userId: user,
    sent: entries.length,
    headSeq: entries.length,
    entries,
    dropped: 0,
    runIds: new Set(entries.map((e) => e.runId)),
  };
}
const asReceived = (user: string, entries: readonly LedgerEntry[]): ReceivedEvent[] =>
  entries.map((e) => ({ seq: e.seq, type: e.type, runId: e.runId, userId: user }));
const client = { resyncsSeen: 0, reconnects: 0 };

describe('compareStreams', () => {
  it('finds nothing wrong when everything sent was received in order', () => {
    const sent = ledger('alice', 3);
    expect(compareStreams(sent, asReceived('alice', sent.entries), client)).toMatchObject({
      sent: 9,
      received: 9,
      lostCount: 0,
      duplicates: 0,
      gaps: 0,
      mismatched: 0,
      crossUser: 0,
      foreignRuns: 0,
      unterminatedRuns: 0,
      runs: { started: 3, completed: 3, failed: 0 },
    });
  });

  it("catches another user's events and events of runs never sent to this user", () => {
    const sent = ledger('alice', 1);
    const received = asReceived('alice', sent.entries);
    received.push({ seq: 4, type: 'agent_started', runId: 'bob-run-0', userId: 'bob' });
    expect(compareStreams(sent, received, client)).toMatchObject({ crossUser: 1, foreignRuns: 1 });
  });

  it('catches a run that never ended, and an event that is not what was sent under its seq', () => {
    const sent = ledger('alice', 2);
    const received = asReceived('alice', sent.entries.slice(0, 5));
    expect(compareStreams(sent, received, client)).toMatchObject({
      unterminatedRuns: 1,
      lost: [6],
      lostCount: 1,
    });
    const swapped = asReceived('alice', sent.entries).map((e) =>
      e.seq === 2 ? { ...e, type: 'agent_progress' as const } : e,
    );
    expect(compareStreams(sent, swapped, client).mismatched).toBe(1);
  });

  it('property: for any loss, duplication and reordering, the counts add up and a clean stream is flagged clean only when it is one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 20 }),
        fc.boolean(),
        (runs, edits, reorder) => {
          const sent = ledger('alice', runs);
          let received = asReceived('alice', sent.entries);
          // Each edit removes (even) or duplicates (odd) the event at that position.
          for (const edit of edits) {
            const i = edit % received.length;
            if (received.length === 0) break;
            if (edit % 2 === 0) received = [...received.slice(0, i), ...received.slice(i + 1)];
            else received = [...received.slice(0, i + 1), received[i]!, ...received.slice(i + 1)];
          }
          if (reorder && received.length > 1) received = [received[1]!, received[0]!, ...received.slice(2)];
          const report = compareStreams(sent, received, client);
          const distinct = new Set(received.map((e) => e.seq)).size;
          expect(report.lostCount).toBe(sent.sent - distinct);
          expect(report.duplicates).toBe(received.length - distinct);
          const clean = report.lostCount === 0 && report.duplicates === 0 && report.gaps === 0;
          const identical =
            received.length === sent.entries.length &&
            received.every((e, i) => e.seq === sent.entries[i]!.seq);
          expect(clean).toBe(identical);
        },
      ),
    );
  });
});
