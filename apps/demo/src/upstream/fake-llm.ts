import type { Random } from '@rel/config';
import { z } from 'zod';
import { pick, randomInt } from '../shared/seeded-random.js';

/** The part of an OpenAI-style chat completion request the upstream reads. */
export const ChatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant', 'tool']), content: z.string() }))
    .min(1),
  max_tokens: z.int().min(1).max(4096).optional(),
});
/** A chat completion request. */
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** An OpenAI-style chat completion (the fields clients read). */
export interface ChatCompletion {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  readonly choices: ReadonlyArray<{
    readonly index: number;
    readonly message: { readonly role: 'assistant'; readonly content: string };
    readonly finish_reason: 'stop';
  }>;
  readonly usage: {
    readonly prompt_tokens: number;
    readonly completion_tokens: number;
    readonly total_tokens: number;
  };
}

const OPENERS = ['Sure.', 'Here is what I found.', 'Good question.', 'In short:'] as const;

/**
 * A deterministic answer to a chat request: it quotes the last user message, so a reader
 * of the event stream can tell which conversation an answer belongs to.
 */
export function completeChat(
  request: ChatRequest,
  random: Random,
  nowMs: number,
  id: number,
): ChatCompletion {
  const question = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const content = `${pick(random, OPENERS)} About "${question.slice(0, 80)}": the upstream model says it depends, but the docs help.`;
  const promptTokens = request.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: Math.floor(nowMs / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** The tools the upstream's tool API knows. */
export const TOOL_NAMES = ['search_docs', 'get_weather', 'lookup_order'] as const;
/** One of {@link TOOL_NAMES}. */
export type ToolName = (typeof TOOL_NAMES)[number];

/** Whether `name` is a tool the upstream knows. */
export function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name);
}

const SKIES = ['sunny', 'cloudy', 'light rain', 'windy'] as const;

/** A plausible result of tool `name` for `args` (the tool API's answer body). */
export function runTool(name: ToolName, args: Record<string, unknown>, random: Random): unknown {
  switch (name) {
    case 'search_docs': {
      const query = typeof args['query'] === 'string' ? args['query'] : 'anything';
      const hits = randomInt(random, 1, 3);
      return {
        query,
        hits: Array.from({ length: hits }, (_, i) => ({
          title: `${query} (part ${i + 1})`,
          url: `https://docs.example.com/${encodeURIComponent(query)}/${i + 1}`,
        })),
      };
    }
    case 'get_weather':
      return {
        city: typeof args['city'] === 'string' ? args['city'] : 'Paris',
        temperature_c: randomInt(random, -5, 32),
        sky: pick(random, SKIES),
      };
    case 'lookup_order':
      return {
        order_id: typeof args['order_id'] === 'string' ? args['order_id'] : 'A-0',
        status: pick(random, ['shipped', 'packing', 'delivered'] as const),
      };
  }
}
