import type { HeaderSource } from './types.js';

const DELTA_SECONDS = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Parses a `Retry-After` value into milliseconds from `now`: delta-seconds (`"120"`) or an
 * HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`). A date in the past gives 0. Anything
 * else (empty, negative, garbage) gives `undefined`: no hint, rather than a wrong one.
 *
 * @param value - the header value (a number is read as seconds).
 * @param now - the current time in ms since the epoch (the clock's `now()`).
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 * @example
 * ```ts
 * parseRetryAfter('2', now); // 2000
 * parseRetryAfter(new Date(now + 5_000).toUTCString(), now); // ~5000 (HTTP-dates have 1 s resolution)
 * ```
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  if (DELTA_SECONDS.test(value)) return Number(value) * 1000;
  // Only date-looking strings (an HTTP-date names a day and a month): Date.parse accepts
  // "-5" or "12" as years, which would turn garbage into a hint.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Reads one header, case-insensitively, from a Headers-like or a plain object. */
export function readHeader(headers: HeaderSource, name: string): unknown {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    try {
      return (headers as { get(n: string): unknown }).get(name) ?? undefined;
    } catch {
      return undefined;
    }
  }
  const record = headers as Readonly<Record<string, unknown>>;
  let value = record[name];
  if (value === undefined) {
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === name) {
        value = record[key];
        break;
      }
    }
  }
  return Array.isArray(value) ? (value[0] as unknown) : value;
}

/**
 * The server's hint in ms from response headers, most precise first:
 * `retry-after-ms` and `x-ms-retry-after-ms` (milliseconds, sent by OpenAI and Azure), then
 * `retry-after` (delta-seconds or HTTP-date). `x-ratelimit-reset` is not read: providers
 * disagree on whether it is seconds-until or an epoch time.
 *
 * @example
 * ```ts
 * retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500' }), Date.now()); // 1500
 * ```
 */
export function retryAfterFromHeaders(headers: HeaderSource, now: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = readHeader(headers, name);
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const ms = Number(raw);
    if (String(raw).trim() !== '' && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return parseRetryAfter(readHeader(headers, 'retry-after'), now);
}
