import type { OutcomeKind } from '@rel/config';
import { isRetryableKind, verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

// 5xx codes that describe the server's configuration, not a passing condition.
const PERMANENT_5XX = new Set([501, 505, 506, 508, 510, 511]);

/**
 * The kind of an HTTP error status (400-599):
 * 408 `timeout`; 425 `transient`; 429 `rate_limited`; 500, 502 `transient`;
 * 503 `overloaded`; 504 `timeout`; other 4xx `permanent`; 501, 505, 506, 508, 510, 511
 * `permanent`; other 5xx `transient`. Statuses below 400 are not failures (`undefined`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-status-codes
 * @example
 * ```ts
 * statusKind(503); // 'overloaded'
 * ```
 */
export function statusKind(status: number): OutcomeKind | undefined {
  if (status < 400 || status > 599) return undefined;
  switch (status) {
    case 408:
      return 'timeout';
    case 425:
      return 'transient';
    case 429:
      return 'rate_limited';
    case 503:
      return 'overloaded';
    case 504:
      return 'timeout';
  }
  if (status < 500) return 'permanent';
  return PERMANENT_5XX.has(status) ? 'permanent' : 'transient';
}

/**
 * HTTP statuses on errors (`status`, `statusCode`, `response.status`, AWS
 * `$metadata.httpStatusCode`), with the Retry-After hint attached when retryable. A ws
 * upgrade failure (`Unexpected server response: 503`) carries its status in the message.
 *
 * @example
 * ```ts
 * httpStatusRule(Object.assign(new Error('x'), { status: 429 }), facts); // rate_limited
 * ```
 */
export function httpStatusRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  let status = facts.status;
  if (status === undefined) {
    const match = /^Unexpected server response: (\d{3})$/.exec(facts.message);
    if (match) status = Number(match[1]);
  }
  if (status === undefined) return undefined;
  const kind = statusKind(status);
  if (kind === undefined) return undefined;
  return verdict(kind, `HTTP ${status}`, isRetryableKind(kind) ? facts.retryAfterMs : undefined);
}
