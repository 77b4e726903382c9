import { retryAfterFromHeaders } from './retry-after.js';
import type { ErrorFacts, HeaderSource } from './types.js';

const MAX_DEPTH = 8;

type Bag = Record<string, unknown>;

const isObject = (value: unknown): value is Bag =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

const httpStatus = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;

function statusOf(bag: Bag): number | undefined {
  const response = isObject(bag.response) ? bag.response : undefined;
  const metadata = isObject(bag.$metadata) ? bag.$metadata : undefined;
  return (
    httpStatus(bag.status) ??
    httpStatus(bag.statusCode) ??
    (response && (httpStatus(response.status) ?? httpStatus(response.statusCode))) ??
    (metadata && httpStatus(metadata.httpStatusCode))
  );
}

function headersOf(bag: Bag): HeaderSource | undefined {
  const own = bag.headers;
  if (isObject(own)) return own as HeaderSource;
  const response = isObject(bag.response) ? bag.response : undefined;
  return response && isObject(response.headers) ? (response.headers as HeaderSource) : undefined;
}

/** The next link of a cause chain: `cause`, or an AggregateError's first error. */
function nextLink(bag: Bag): unknown {
  if (bag.cause !== undefined) return bag.cause;
  const errors = bag.errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors[0] as unknown) : undefined;
}

/**
 * Reads every signal the rules need from a value and its cause chain, once. Getters that
 * throw (exotic error objects) are treated as absent: classification never throws.
 *
 * @param value - a thrown value or a returned result.
 * @param now - clock time (ms since the epoch), for HTTP-date hints.
 * @param isResult - classifying a returned value.
 * @example
 * ```ts
 * const facts = extractFacts(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }), Date.now(), false);
 * facts.code; // 'ECONNRESET'
 * ```
 */
export function extractFacts(value: unknown, now: number, isResult: boolean): ErrorFacts {
  const chain: unknown[] = [];
  const codes: string[] = [];
  let numericCode: number | undefined;
  let status: number | undefined;
  let headers: HeaderSource | undefined;
  let ownRetryAfter: number | undefined;
  let link: unknown = value;
  for (let depth = 0; depth < MAX_DEPTH && link !== undefined && link !== null; depth++) {
    if (chain.includes(link)) break; // a cycle (a.cause = b, b.cause = a)
    chain.push(link);
    if (!isObject(link)) break;
    try {
      const code = link.code;
      if (typeof code === 'string' && code !== '') codes.push(code);
      else if (typeof code === 'number' && numericCode === undefined) numericCode = code;
      if (numericCode === undefined && typeof link.closeCode === 'number') numericCode = link.closeCode;
      status ??= statusOf(link);
      headers ??= headersOf(link);
      if (ownRetryAfter === undefined && typeof link.retryAfterMs === 'number' && link.retryAfterMs >= 0) {
        ownRetryAfter = link.retryAfterMs;
      }
      link = nextLink(link);
    } catch {
      break;
    }
  }
  const top = isObject(value) ? value : undefined;
  let name: string | undefined;
  let message = '';
  try {
    name = top && typeof top.name === 'string' ? top.name : undefined;
    message = top && typeof top.message === 'string' ? top.message : typeof value === 'string' ? value : '';
  } catch {
    // keep the defaults
  }
  let retryAfterMs = ownRetryAfter;
  if (retryAfterMs === undefined && headers !== undefined) {
    try {
      retryAfterMs = retryAfterFromHeaders(headers, now);
    } catch {
      retryAfterMs = undefined;
    }
  }
  return {
    value,
    chain,
    name,
    message,
    code: codes[0],
    codes,
    numericCode,
    status,
    retryAfterMs,
    isResult,
    now,
  };
}
