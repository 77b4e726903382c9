// WebSocket delivery throughput: events/s delivered to 100 clients through @rel/core's
// WebSocketEventServer vs a raw `ws` broadcast of the same payloads, interleaved rounds,
// for bursts (many events per event-loop turn) and for a trickle (one event per turn).
import { fmt, median, ratio, type BenchSuite, type Target } from '../harness.js';
import { benchEvent, startClientPool, startServers } from './ws-kit.js';

const CLIENTS = 100;
const SCENARIOS = [
  { name: 'bursts: 50 events per event-loop turn', batch: 50 },
  { name: 'trickle: 1 event per event-loop turn', batch: 1 },
] as const;

export const suite: BenchSuite = {
  id: 'ws-throughput',
  order: 70,
  async run(ctx) {
    const events = ctx.quick ? 300 : 2_000;
    const rounds = ctx.quick ? 3 : 5;
    const servers = await startServers();
    const pool = await startClientPool(servers, CLIENTS);
    let seq = 0;
    const round = async (target: 'raw' | 'rel', batch: number): Promise<number> => {
      const { delivered } = await pool.expect(target, events);
      const start = process.hrtime.bigint();
      for (let i = 0; i < events; i++) {
        const event = benchEvent(++seq);
        if (target === 'raw') servers.broadcastRaw(event);
        else servers.sendRel(event);
        if (i % batch === batch - 1) await new Promise((resolve) => setImmediate(resolve));
      }
      await delivered;
      return (events * CLIENTS) / (Number(process.hrtime.bigint() - start) / 1e9);
    };
    const rows: (string | number)[][] = [];
    const targets: Target[] = [];
    for (const scenario of SCENARIOS) {
      await round('raw', scenario.batch); // warm-up, both paths
      await round('rel', scenario.batch);
      const samples = { raw: [] as number[], rel: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        for (const target of r % 2 === 0 ? (['raw', 'rel'] as const) : (['rel', 'raw'] as const)) {
          samples[target].push(await round(target, scenario.batch));
          ctx.log(
            `   ${scenario.batch}/turn round ${r + 1}/${rounds} ${target}: ${fmt(samples[target].at(-1)!)} events/s`,
          );
        }
      }
      const raw = median(samples.raw);
      const rel = median(samples.rel);
      rows.push([scenario.name, fmt(raw), fmt(rel), ratio(rel / raw)]);
      targets.push({
        claim: `delivery to 100 clients >= 0.8x a raw ws broadcast (${scenario.name.split(':')[0]})`,
        measured: ratio(rel / raw),
        pass: rel / raw >= 0.8,
      });
    }
    await pool.close();
    await servers.close();
    return {
      title: 'WebSocket delivery: throughput to 100 clients',
      method:
        `${events} agent events (~420 bytes of JSON each) per round, each delivered to ${CLIENTS} clients (all tabs ` +
        'of one user) held by a worker thread that counts frames. Raw `ws` serializes each event once and writes ' +
        "the same Buffer to every client at once; @rel/core's server also serializes once, then routes by user, " +
        'checks the seq, keeps the replay buffer and the per-connection flow control, and writes each ' +
        "connection's pending frames in one corked batch at the end of the turn. Median of " +
        `${rounds} interleaved rounds per scenario; a round ends when every client has every event.`,
      tables: [
        {
          caption: 'Events delivered per second (events x clients / wall time)',
          columns: ['scenario', 'raw `ws` broadcast', '@rel/core WebSocketEventServer', 'ratio'],
          rows,
        },
      ],
      targets,
      notes: [
        'In bursts the corked batch turns N writes per socket into one `writev`; in a trickle there is nothing to ' +
          'batch and the ratio shows the bookkeeping cost alone. The raw broadcast has no flow control (a slow ' +
          "client's buffer grows without bound); @rel/core's server holds each connection under `highWaterBytes`.",
      ],
    };
  },
};
