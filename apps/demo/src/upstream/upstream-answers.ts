import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Random } from '@rel/config';
import { ChatRequestSchema, completeChat, isToolName, runTool } from './fake-llm.js';
import type { FaultSpec } from './fault-modes.js';
import type { UpstreamRoute } from './upstream-counters.js';

/** What a request gets, decided on arrival (so the seeded draws follow arrival order). */
export type Verdict =
  { readonly kind: 'ok' } | { readonly kind: 'status'; readonly status: number } | { readonly kind: 'reset' };

const MAX_BODY_BYTES = 64 * 1024;

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

/** An OpenAI-style error body. */
const errorBody = (message: string, type: string, code: string | null): unknown => ({
  error: { message, type, param: null, code },
});

/** 404 for a path the upstream does not serve (not counted as load). */
export function answerNoRoute(res: ServerResponse, path: string): void {
  json(res, 404, errorBody(`no route ${path}`, 'invalid_request_error', null));
}

/** 405 for a route called with anything but POST. */
export function answerWrongMethod(res: ServerResponse): void {
  json(res, 405, errorBody('use POST', 'invalid_request_error', null), { allow: 'POST' });
}

/**
 * Answers an injected failure the way providers do: 429 with `Retry-After` (seconds) and
 * `rate_limit_exceeded`, 503 "overloaded", other statuses a server error.
 * @returns the status sent.
 */
export function answerFailure(res: ServerResponse, status: number, spec: FaultSpec): number {
  if (status === 429) {
    return json(res, 429, errorBody('Rate limit reached for requests', 'requests', 'rate_limit_exceeded'), {
      'retry-after': String(spec.retryAfterS),
    });
  }
  if (status === 503)
    return json(res, 503, errorBody('The server is overloaded or not ready yet.', 'server_error', null));
  return json(
    res,
    status,
    errorBody('The server had an error while processing your request.', 'server_error', null),
  );
}

/** What a normal answer needs: the answers' random source, the time and a completion id. */
export interface AnswerContext {
  readonly random: Random;
  readonly now: number;
  readonly completionId: number;
}

/**
 * Answers a request the upstream let through: a chat completion (400 when the body is not
 * a chat request), or a tool result (404 for an unknown tool).
 * @returns the status sent.
 */
export function answerRequest(
  route: UpstreamRoute,
  path: string,
  body: string | undefined,
  res: ServerResponse,
  ctx: AnswerContext,
): number {
  let parsed: unknown;
  try {
    parsed = body === undefined ? undefined : JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (route === 'chat') {
    const request = ChatRequestSchema.safeParse(parsed);
    if (!request.success) {
      return json(
        res,
        400,
        errorBody('invalid chat request: need model and messages', 'invalid_request_error', null),
      );
    }
    return json(res, 200, completeChat(request.data, ctx.random, ctx.now, ctx.completionId));
  }
  const name = decodeURIComponent(path.slice('/tools/'.length));
  if (!isToolName(name)) {
    return json(res, 404, errorBody(`unknown tool "${name}"`, 'invalid_request_error', 'tool_not_found'));
  }
  const args = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return json(res, 200, { tool: name, result: runTool(name, args, ctx.random) });
}

/** The request body as text, or `undefined` when it is larger than 64 KiB or the request failed. */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}
