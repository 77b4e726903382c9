import type { OutcomeKind } from '@rel/config';
import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/**
 * File system codes. Resource exhaustion and contention pass (`EBUSY`, `EMFILE`,
 * `ENFILE`, `EAGAIN`, `EWOULDBLOCK`, `EINTR`, `ETXTBSY`: `transient`); a wrong path,
 * type or permission does not (`ENOENT`, `EISDIR`, `ENOTDIR`, `EACCES`, `EPERM`, `EEXIST`,
 * `ENOTEMPTY`, `EROFS`, `ENAMETOOLONG`, `ELOOP`, `EXDEV`, `EINVAL`: `permanent`). A full
 * disk (`ENOSPC`, `EDQUOT`) is `permanent` too: it does not clear within a retry window.
 */
export const FILE_CODES: Readonly<Record<string, OutcomeKind>> = {
  EBUSY: 'transient',
  EMFILE: 'transient',
  ENFILE: 'transient',
  EAGAIN: 'transient',
  EWOULDBLOCK: 'transient',
  EINTR: 'transient',
  ETXTBSY: 'transient',
  ENOENT: 'permanent',
  EISDIR: 'permanent',
  ENOTDIR: 'permanent',
  EACCES: 'permanent',
  EPERM: 'permanent',
  EEXIST: 'permanent',
  ENOTEMPTY: 'permanent',
  EROFS: 'permanent',
  ENAMETOOLONG: 'permanent',
  ELOOP: 'permanent',
  EXDEV: 'permanent',
  EINVAL: 'permanent',
  ENOSPC: 'permanent',
  EDQUOT: 'permanent',
};

/**
 * File system errors by `code` (see {@link FILE_CODES}).
 *
 * @example
 * ```ts
 * fileRule(Object.assign(new Error('busy'), { code: 'EBUSY' }), facts); // transient
 * ```
 */
export function fileRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  for (const code of facts.codes) {
    const kind = FILE_CODES[code];
    if (kind !== undefined) return verdict(kind, code);
  }
  return undefined;
}
