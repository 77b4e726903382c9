import { sleep, type Clock, type Random } from '@rel/config';
import type { AgentReliabilityWrapper, AgentRun, ReliabilityInstance, RunState } from '@rel/core';
import type { CallCounters } from '../service/call-counters.js';
import type { ChatMessage, UpstreamClient } from '../service/upstream-client.js';
import { randomInt } from '../shared/seeded-random.js';
import { CACHED_SEARCH, FALLBACK_ANSWER, nextTopic, type Topic } from './topics.js';

/** What a chat agent works with. */
export interface ChatAgentDeps {
  /** The canonical agent wrapper (`@rel/core`): runs and their events. */
  readonly agent: AgentReliabilityWrapper;
  /** The LLM's reliability instance (from the config file). */
  readonly llm: ReliabilityInstance;
  /** Name of the tool API's instance (from the config file). */
  readonly toolsService: string;
  readonly client: UpstreamClient;
  readonly counters: CallCounters;
  readonly clock: Clock;
  /** Cancels every call in flight (shutdown after the grace period). */
  readonly cancel?: AbortSignal;
}

/**
 * One run of the chat agent, through the canonical API only: `startRun` (agent_started),
 * `thinking`, a docs search with a cached fallback (`run.tool`), for some topics a weather
 * lookup without a fallback (its failure ends the run with agent_error), then the LLM call
 * with a fallback answer (`instance.run` with the run as context, so its retries and
 * fallback land in the run), and `complete`. Resolves to how the run ended; never rejects.
 *
 * @example
 * ```ts
 * const ended = await runConversation(deps, 'alice', 'alice-chat-1', nextTopic(random));
 * ```
 */
export async function runConversation(
  deps: ChatAgentDeps,
  userId: string,
  threadId: string,
  topic: Topic,
): Promise<RunState> {
  const run = deps.agent.startRun({
    userId,
    threadId,
    message: topic.question,
    context: { query: topic.query },
  });
  try {
    await converse(deps, run, topic);
  } catch (error) {
    // A tool without a fallback failed for good: the run ends with agent_error.
    if (!run.ended) run.fail(error, { query: topic.query });
  }
  return run.state;
}

async function converse(deps: ChatAgentDeps, run: AgentRun, topic: Topic): Promise<void> {
  const { client, counters, toolsService } = deps;
  const signal = deps.cancel === undefined ? {} : { signal: deps.cancel };
  run.thinking(`Searching the docs for "${topic.query}"`, 1, 10);
  counters.call(toolsService);
  const docs = await run.tool(
    'search_docs',
    { query: topic.query },
    (ctx) => client.tool(toolsService, 'search_docs', { query: topic.query }, ctx),
    { service: toolsService, fallback: CACHED_SEARCH, ...signal },
  );
  const context: string[] = [`docs: ${JSON.stringify(docs)}`];
  if (topic.city !== undefined) {
    const city = topic.city;
    run.thinking(`Checking the weather in ${city}`, 2, 30);
    counters.call(toolsService);
    const weather = await run.tool(
      'get_weather',
      { city },
      (ctx) => client.tool(toolsService, 'get_weather', { city }, ctx),
      { service: toolsService, ...signal },
    );
    context.push(`weather: ${JSON.stringify(weather)}`);
  }
  run.thinking('Writing the answer', 3, 60);
  const messages: ChatMessage[] = [
    { role: 'system', content: `You are a helpful assistant. Context: ${context.join('; ')}` },
    { role: 'user', content: topic.question },
  ];
  counters.call(deps.llm.name);
  const answer = await deps.llm.run((ctx) => client.chat(deps.llm.name, messages, ctx), {
    operation: 'chat.completions',
    run,
    fallback: FALLBACK_ANSWER,
    ...signal,
  });
  if (!answer.success) {
    run.fail(answer.error, { step: 'answer' });
    return;
  }
  run.complete(
    { answer: answer.value, answered_by: answer.fallbackUsed ? 'fallback' : 'llm' },
    answer.fallbackUsed ? 'Answered from the fallback' : 'Answered',
  );
}

/** Options of {@link chatWorker}. */
export interface ChatWorkerOptions {
  readonly userId: string;
  /** The chat thread this worker's runs belong to. */
  readonly threadId: string;
  readonly random: Random;
  /** Pause between two runs (ms). @defaultValue [300, 900] */
  readonly pauseMs?: readonly [number, number];
  /** Stops the worker after its current run. */
  readonly stop: AbortSignal;
}

/** How many runs a worker ended, and how. */
export interface WorkerTally {
  completed: number;
  failed: number;
}

/**
 * One user's chat session: runs one conversation after another, with a short seeded pause
 * between them, until `stop` aborts (the run in progress finishes first: every call is
 * bounded by its profile's deadline).
 */
export async function chatWorker(deps: ChatAgentDeps, options: ChatWorkerOptions): Promise<WorkerTally> {
  const tally: WorkerTally = { completed: 0, failed: 0 };
  const [min, max] = options.pauseMs ?? [300, 900];
  while (!options.stop.aborted) {
    const ended = await runConversation(deps, options.userId, options.threadId, nextTopic(options.random));
    if (ended === 'completed') tally.completed++;
    else tally.failed++;
    await sleep(deps.clock, randomInt(options.random, min, max), options.stop).catch(() => undefined);
  }
  return tally;
}
