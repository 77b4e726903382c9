// WebSocket delivery latency: end-to-end p50/p99 at a fixed event rate to 100 clients,
// @rel/core's WebSocketEventServer and a raw `ws` broadcast side by side.
import { fmt, type BenchSuite } from '../harness.js';
import { benchEvent, startClientPool, startServers } from './ws-kit.js';

const CLIENTS = 100;
const RATE = 1_000; // events per second

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export const suite: BenchSuite = {
  id: 'ws-latency',
  order: 71,
  async run(ctx) {
    const seconds = ctx.quick ? 1 : 3;
    const servers = await startServers();
    const pool = await startClientPool(servers, CLIENTS);
    let seq = 0;
    const paced = async (target: 'raw' | 'rel', count: number): Promise<number[]> => {
      const { delivered } = await pool.expect(target, count);
      const start = performance.now();
      let sent = 0;
      while (sent < count) {
        // Send what is due by now, then yield: a steady RATE, not bursts of a whole second.
        const due = Math.min(count, Math.floor(((performance.now() - start) * RATE) / 1_000) + 1);
        for (; sent < due; sent++) {
          const event = benchEvent(++seq);
          if (target === 'raw') servers.broadcastRaw(event);
          else servers.sendRel(event);
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return delivered;
    };
    await paced('raw', RATE / 4); // warm-up
    await paced('rel', RATE / 4);
    const results: Record<'raw' | 'rel', number[]> = { raw: [], rel: [] };
    for (const target of ['rel', 'raw', 'rel', 'raw'] as const) {
      results[target] = results[target].concat(await paced(target, (RATE * seconds) / 2));
      ctx.log(`   ${target}: ${results[target].length} deliveries measured`);
    }
    await pool.close();
    await servers.close();
    const row = (name: string, samples: number[]): string[] => {
      const sorted = [...samples].sort((a, b) => a - b);
      return [
        name,
        fmt(percentile(sorted, 50), 2),
        fmt(percentile(sorted, 99), 2),
        fmt(sorted.at(-1) ?? 0, 2),
      ];
    };
    return {
      title: 'WebSocket delivery: end-to-end latency at a fixed rate',
      method:
        `${RATE} events/s for ${seconds} s per server (two interleaved halves each), every event to ${CLIENTS} ` +
        'clients in a worker thread; latency is receive time minus send time (the send time travels in the ' +
        'event), over every delivery.',
      tables: [
        {
          caption: `Latency per delivery, ms (${CLIENTS} clients, ${RATE} events/s)`,
          columns: ['server', 'p50', 'p99', 'max'],
          rows: [row('@rel/core WebSocketEventServer', results.rel), row('raw `ws` broadcast', results.raw)],
        },
      ],
      targets: [],
      notes: ['Both run on the same loopback and machine; the clients share the CPU with the server.'],
    };
  },
};
