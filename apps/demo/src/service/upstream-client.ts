import type { CallCounters } from './call-counters.js';

/**
 * An HTTP answer that is not a success. It carries `status` and the response `headers`,
 * which is all @rel's classifier needs: 429 is `rate_limited` and its `Retry-After` is
 * honoured, 503 is `overloaded`, other 5xx `transient`, other 4xx `permanent`.
 */
export class UpstreamHttpError extends Error {
  override readonly name = 'UpstreamHttpError';
  readonly status: number;
  readonly headers: Headers;

  constructor(status: number, headers: Headers, detail: string) {
    super(`HTTP ${status}${detail === '' ? '' : `: ${detail}`}`);
    this.status = status;
    this.headers = headers;
  }
}

/** What @rel hands an operation (`{ attempt, signal }`); legacy calls have neither. */
export interface AttemptContext {
  readonly attempt?: number;
  readonly signal?: AbortSignal;
}

/** One chat message, OpenAI style. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
}

const detailOf = (text: string): string => {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : text.slice(0, 120);
  } catch {
    return text.slice(0, 120);
  }
};

/**
 * The demo's HTTP client of the flaky upstream, over the real `fetch`. Every call is one
 * request (one attempt: @rel decides about retries), sends `x-rel-service` so the upstream
 * can count requests per calling service, and passes the attempt's `signal` so an attempt
 * timeout aborts the request.
 *
 * @example
 * ```ts
 * const client = new UpstreamClient(upstream.url, counters);
 * const text = await openai.execute((ctx) => client.chat('openai', [{ role: 'user', content: 'hi' }], ctx));
 * ```
 */
export class UpstreamClient {
  readonly baseUrl: string;
  private readonly counters: CallCounters;

  constructor(baseUrl: string, counters: CallCounters) {
    this.baseUrl = baseUrl;
    this.counters = counters;
  }

  /** `POST /v1/chat/completions`; resolves to the assistant's text. */
  async chat(service: string, messages: readonly ChatMessage[], ctx: AttemptContext = {}): Promise<string> {
    const body = (await this.post(service, '/v1/chat/completions', { model: 'demo-gpt', messages }, ctx)) as {
      choices?: Array<{ message?: { content?: unknown } }>;
    };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new Error('the upstream answered without choices[0].message.content');
    return content;
  }

  /** `POST /tools/:name`; resolves to the tool's `result`. */
  async tool(
    service: string,
    name: string,
    args: Record<string, unknown>,
    ctx: AttemptContext = {},
  ): Promise<unknown> {
    const body = (await this.post(service, `/tools/${encodeURIComponent(name)}`, args, ctx)) as {
      result?: unknown;
    };
    return body.result;
  }

  private async post(service: string, path: string, payload: unknown, ctx: AttemptContext): Promise<unknown> {
    this.counters.attempt(service, ctx.attempt);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rel-service': service },
      body: JSON.stringify(payload),
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    const text = await response.text();
    if (!response.ok) throw new UpstreamHttpError(response.status, response.headers, detailOf(text));
    return JSON.parse(text) as unknown;
  }
}
