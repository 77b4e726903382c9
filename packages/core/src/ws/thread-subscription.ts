import type { TokenClaims } from './auth/token-verifier.js';
import { MAX_THREAD_SUBSCRIPTIONS } from './protocol/client-messages.js';
import type { ErrorFrame } from './protocol/server-frames.js';
import type { ThreadOwnership } from './thread-ownership.js';

/**
 * The threads one connection narrowed its stream to (none: the user's whole stream).
 * Ownership rule: when the token lists `threadIds`, only those; otherwise any thread not
 * known to belong to another user (see {@link ThreadOwnership} for why that is safe).
 */
export class ThreadSubscription {
  private threads: Set<string> | undefined;

  private readonly claims: TokenClaims;
  private readonly ownership: ThreadOwnership;

  constructor(claims: TokenClaims, ownership: ThreadOwnership) {
    this.claims = claims;
    this.ownership = ownership;
  }

  /** Whether an event of `threadId` passes the filter. */
  accepts(threadId: string | undefined): boolean {
    const threads = this.threads;
    return threads === undefined || (threadId !== undefined && threads.has(threadId));
  }

  /** The subscribed threads (empty: the whole stream). */
  list(): string[] {
    return [...(this.threads ?? [])];
  }

  /** Adds `ids`, all or nothing. Returns the error to answer with, if refused. */
  add(ids: readonly string[]): ErrorFrame | undefined {
    const allowed = this.claims.threadIds;
    const forbidden = ids.filter((id) => {
      if (allowed !== undefined) return !allowed.includes(id);
      const owner = this.ownership.ownerOf(id);
      return owner !== undefined && owner !== this.claims.userId;
    });
    if (forbidden.length > 0) {
      return {
        type: 'rel.error',
        code: 'forbidden_thread',
        message: `not your thread(s): ${forbidden.slice(0, 5).join(', ')}; nothing was subscribed`,
      };
    }
    const next = new Set(this.threads);
    for (const id of ids) next.add(id);
    if (next.size > MAX_THREAD_SUBSCRIPTIONS) {
      return {
        type: 'rel.error',
        code: 'too_many_threads',
        message: `a connection may subscribe to at most ${MAX_THREAD_SUBSCRIPTIONS} threads; nothing was subscribed`,
      };
    }
    this.threads = next;
    return undefined;
  }

  /** Removes `ids`, or every thread when `ids` is undefined. */
  remove(ids: readonly string[] | undefined): void {
    if (ids === undefined) this.threads = undefined;
    else for (const id of ids) this.threads?.delete(id);
    if (this.threads?.size === 0) this.threads = undefined;
  }
}
