import type { Random } from '@rel/config';
import { pick } from '../shared/seeded-random.js';

/** What a user asks about in one run. */
export interface Topic {
  /** The user's message. */
  readonly question: string;
  /** What the agent searches the docs for. */
  readonly query: string;
  /** When set, the agent also asks the weather tool (a tool without a fallback). */
  readonly city?: string;
}

const TOPICS: readonly Topic[] = [
  { question: 'How do retry budgets stop retry storms?', query: 'retry budget' },
  { question: 'Should I pack an umbrella for the offsite in Lyon?', query: 'offsite agenda', city: 'Lyon' },
  { question: 'Why did my circuit breaker open?', query: 'circuit breaker' },
  { question: 'What does Retry-After mean on a 429?', query: 'rate limits' },
  {
    question: 'Is it warm enough in Lisbon for the team dinner outside?',
    query: 'team dinner',
    city: 'Lisbon',
  },
  { question: 'Summarise the incident runbook for me.', query: 'incident runbook' },
  { question: 'How is the health score computed?', query: 'health score' },
  { question: 'Do I need a coat in Oslo tomorrow?', query: 'travel policy', city: 'Oslo' },
];

/** A topic for the next run, chosen with the agent's seeded random source. */
export function nextTopic(random: Random): Topic {
  return pick(random, TOPICS);
}

/** What a user reads when the LLM cannot answer: the LLM call's fallback. */
export const FALLBACK_ANSWER =
  'The assistant is busy right now, so this is a short answer from the cache: please try again in a minute.';

/** What the docs search answers when the tool API cannot: its fallback (an empty, cached result). */
export const CACHED_SEARCH = Object.freeze({ hits: [], cached: true });

/** Texts the legacy summarizer agent condenses. */
export const LEGACY_TEXTS: readonly string[] = [
  'Release notes: the billing service moved to the new queue; retries are now budgeted.',
  'Support ticket: customer reports slow answers from the assistant during peak hours.',
  'Postmortem: the LLM provider returned 503 for ten minutes; fallbacks answered users.',
];
