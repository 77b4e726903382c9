import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag | undefined =>
  typeof value === 'object' && value !== null ? (value as Bag) : undefined;

/**
 * The provider's error type/code strings, wherever the SDKs put them: `code` and `type` on
 * the error (OpenAI), `error.type` / `error.error.type` (Anthropic's body
 * `{ type: 'error', error: { type: 'overloaded_error' } }`).
 */
function providerSignals(facts: ErrorFacts): string[] {
  const out: string[] = [...facts.codes];
  for (const link of facts.chain) {
    const b = bag(link);
    if (!b) continue;
    if (typeof b.type === 'string') out.push(b.type);
    const body = bag(b.error);
    if (body) {
      if (typeof body.type === 'string') out.push(body.type);
      if (typeof body.code === 'string') out.push(body.code);
      const inner = bag(body.error);
      if (inner && typeof inner.type === 'string') out.push(inner.type);
      if (inner && typeof inner.code === 'string') out.push(inner.code);
    }
  }
  return out;
}

const CONTEXT_LENGTH =
  /context[_ ]length|context window|maximum context|too many tokens|prompt is too long|max_tokens/i;

/**
 * LLM provider signals, checked before the generic HTTP rule so they can refine it:
 * - `insufficient_quota` (OpenAI's 429 for an unpaid bill) is `permanent`: waiting will not help;
 * - context-length errors (`context_length_exceeded`, "prompt is too long", ...) are `permanent`;
 * - 529, `overloaded_error` or "overloaded" in the message are `overloaded`;
 * - 429, `rate_limit_exceeded`, `rate_limit_error` are `rate_limited`;
 * - `invalid_request_error`, `authentication_error`, `permission_error`, `not_found_error`
 *   are `permanent`; `api_error` is `transient`;
 * - SDK connection errors by name: `APIConnectionTimeoutError` `timeout`,
 *   `APIConnectionError` `transient`.
 *
 * @example
 * ```ts
 * llmRule(Object.assign(new Error('Overloaded'), { status: 529 }), facts); // overloaded
 * ```
 */
export function llmRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  const signals = providerSignals(facts);
  const has = (s: string): boolean => signals.includes(s);
  const hint = facts.retryAfterMs;
  if (has('insufficient_quota')) return verdict('permanent', 'insufficient_quota');
  if (has('context_length_exceeded') || (facts.status === 400 && CONTEXT_LENGTH.test(facts.message))) {
    return verdict('permanent', 'context length exceeded');
  }
  if (CONTEXT_LENGTH.test(facts.message) && (has('invalid_request_error') || facts.status === 413)) {
    return verdict('permanent', 'context length exceeded');
  }
  if (facts.status === 529 || has('overloaded_error') || /overloaded/i.test(facts.message)) {
    return verdict('overloaded', facts.status === 529 ? 'HTTP 529 overloaded' : 'provider overloaded', hint);
  }
  if (facts.status === 429 || has('rate_limit_exceeded') || has('rate_limit_error')) {
    return verdict('rate_limited', facts.status === 429 ? 'HTTP 429' : 'provider rate limit', hint);
  }
  for (const type of [
    'invalid_request_error',
    'authentication_error',
    'permission_error',
    'not_found_error',
  ]) {
    if (has(type)) return verdict('permanent', type);
  }
  if (has('api_error')) return verdict('transient', 'api_error', hint);
  if (facts.name === 'APIConnectionTimeoutError') return verdict('timeout', facts.name);
  if (facts.name === 'APIConnectionError') return verdict('transient', facts.name);
  return undefined;
}
