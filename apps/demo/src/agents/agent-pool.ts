import { AgentReliabilityWrapper } from '@rel/core';
import type { DemoService } from '../service/demo-service.js';
import { DEMO_SERVICES } from '../service/demo-config.js';
import { childRandom } from '../shared/seeded-random.js';
import { chatWorker, type ChatAgentDeps, type WorkerTally } from './chat-agent.js';
import { createLegacyAgent, legacyWorker } from './legacy-agent.js';

/** The canonical agent's name (and its own reliability instance's). */
export const CHAT_AGENT_NAME = 'assistant';

/** Options of {@link startAgents}. */
export interface AgentPoolOptions {
  /** Concurrent chat sessions per demo user. @defaultValue 3 */
  readonly workersPerUser?: number;
  /** Seed of the conversations. @defaultValue 1 */
  readonly seed?: number;
  /** Pause between two runs of a session (ms). @defaultValue [300, 900] */
  readonly pauseMs?: readonly [number, number];
}

/** How the agents' runs ended, per user, and what the legacy agent did. */
export interface PoolTally {
  readonly users: Readonly<Record<string, WorkerTally>>;
  readonly legacy: { readonly summaries: number; readonly fallbacks: number };
}

/** Running agents. */
export interface AgentPool {
  /** The legacy agent's instance name. */
  readonly legacyService: string;
  /**
   * Starts no new run, lets the runs in progress finish for `graceMs`, then cancels the
   * calls still in flight (a cancellation is never a dependency failure). Resolves to the
   * tally and whether the grace period sufficed.
   */
  stop(graceMs: number): Promise<{ readonly tally: PoolTally; readonly inTime: boolean }>;
}

/**
 * Starts the demo's agents on a running service: `workersPerUser` chat sessions for each
 * demo user, all through one canonical `AgentReliabilityWrapper` (so alice and bob share the
 * agent and its dependencies, while each sees only their own runs' events), and the legacy
 * summarizer on `@rel/compat`.
 *
 * @example
 * ```ts
 * const agents = startAgents(service, { workersPerUser: 2 });
 * const tally = await agents.stop();
 * ```
 */
export function startAgents(service: DemoService, options: AgentPoolOptions = {}): AgentPool {
  const seed = options.seed ?? 1;
  const stop = new AbortController();
  const cancel = new AbortController();
  const clock = service.manager.clock;
  const deps: ChatAgentDeps = {
    agent: new AgentReliabilityWrapper(CHAT_AGENT_NAME, { manager: service.manager }),
    llm: service.manager.get(DEMO_SERVICES.llm),
    toolsService: DEMO_SERVICES.tools,
    client: service.client,
    counters: service.counters,
    clock,
    cancel: cancel.signal,
  };
  const legacy = createLegacyAgent();
  service.legacyServices.add(legacy.service);
  service.transitions.watch();

  const sessions = service.users.flatMap((userId) =>
    Array.from({ length: options.workersPerUser ?? 3 }, (_, i) =>
      chatWorker(deps, {
        userId,
        threadId: `${userId}-chat-${i + 1}`,
        random: childRandom(seed, `${userId}-${i}`),
        stop: stop.signal,
        ...(options.pauseMs === undefined ? {} : { pauseMs: options.pauseMs }),
      }).then((tally) => ({ userId, tally })),
    ),
  );
  const legacyDone = legacyWorker(
    { client: service.client, counters: service.counters, clock, random: childRandom(seed, 'legacy') },
    legacy,
    stop.signal,
  );

  return {
    legacyService: legacy.service,
    async stop(graceMs: number) {
      stop.abort();
      const all = Promise.all([Promise.all(sessions), legacyDone]);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const inTime = await Promise.race([
        all.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (!inTime) cancel.abort(new Error('the demo is shutting down'));
      const [done, legacyTally] = await all;
      const users: Record<string, WorkerTally> = {};
      for (const { userId, tally } of done) {
        const sum = (users[userId] ??= { completed: 0, failed: 0 });
        sum.completed += tally.completed;
        sum.failed += tally.failed;
      }
      return { tally: { users, legacy: legacyTally }, inTime };
    },
  };
}
