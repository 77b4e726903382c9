import type { OutcomeKind } from '@rel/config';
import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/**
 * Node system and undici error codes. Decisions worth stating:
 * - `ENOTFOUND` (the name does not exist) is permanent: it is a configuration error, and
 *   the temporary DNS failure has its own code, `EAI_AGAIN`, which is retried.
 * - TLS certificate errors are permanent: the certificate will not fix itself in seconds.
 * - `UND_ERR_ABORTED` is a cancellation (someone aborted the request's signal).
 */
export const NETWORK_CODES: Readonly<Record<string, OutcomeKind>> = {
  ECONNRESET: 'transient',
  ECONNREFUSED: 'transient',
  ECONNABORTED: 'transient',
  EPIPE: 'transient',
  EAI_AGAIN: 'transient',
  EHOSTUNREACH: 'transient',
  ENETUNREACH: 'transient',
  ENETDOWN: 'transient',
  EHOSTDOWN: 'transient',
  EADDRNOTAVAIL: 'transient',
  ERR_STREAM_PREMATURE_CLOSE: 'transient',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ERR_SOCKET_CONNECTION_TIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'transient',
  UND_ERR_CLOSED: 'transient',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'transient',
  UND_ERR_ABORTED: 'cancelled',
  UND_ERR_DESTROYED: 'permanent',
  UND_ERR_INVALID_ARG: 'permanent',
  UND_ERR_NOT_SUPPORTED: 'permanent',
  UND_ERR_HEADERS_OVERFLOW: 'permanent',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'permanent',
  UND_ERR_RESPONSE_EXCEEDED_MAX_SIZE: 'permanent',
  ENOTFOUND: 'permanent',
  ERR_INVALID_URL: 'permanent',
  CERT_HAS_EXPIRED: 'permanent',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'permanent',
  SELF_SIGNED_CERT_IN_CHAIN: 'permanent',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'permanent',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'permanent',
  ERR_TLS_CERT_ALTNAME_INVALID: 'permanent',
};

/**
 * Network failures by code, anywhere in the cause chain (fetch wraps them:
 * `TypeError: fetch failed` with `cause.code === 'ECONNRESET'`). A `fetch failed` or
 * `terminated` TypeError with no code is still a network failure: `transient`.
 *
 * @example
 * ```ts
 * networkRule(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) }), facts);
 * // { kind: 'timeout', retryable: true, reason: 'UND_ERR_CONNECT_TIMEOUT' }
 * ```
 */
export function networkRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  for (const code of facts.codes) {
    const kind = NETWORK_CODES[code];
    if (kind !== undefined) return verdict(kind, code);
  }
  if (facts.name === 'TypeError' && (facts.message === 'fetch failed' || facts.message === 'terminated')) {
    return verdict('transient', `TypeError: ${facts.message} (network)`);
  }
  return undefined;
}
