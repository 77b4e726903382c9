import type { Disposable, Event } from '@rel/config';
import { WebSocketEventClient, type AgentEvent, type ClientStats } from '@rel/core/client';
import { WebSocket } from 'ws';

/** What a stream keeps of each event it received. */
export interface ReceivedEvent {
  readonly seq: number;
  readonly type: AgentEvent['type'];
  readonly runId: string;
  /** The `user_id` the event carried (must be the stream's own user). */
  readonly userId: string;
}

/** Options of {@link UserStream}. */
export interface UserStreamOptions {
  readonly userId: string;
  /** `ws://.../events`. */
  readonly url: string;
  /** Called before every connection attempt: a fresh short-lived token. */
  readonly token: () => string;
}

/**
 * One demo user watching their event stream over a real WebSocket, with `@rel/core/client`
 * on the `ws` package's `WebSocket` (Node 20 has no global one). It resumes from seq 0, so
 * the server replays everything sent before the connection was up: the stream must then
 * hold every seq from 1, which is what the report checks.
 *
 * @example
 * ```ts
 * const alice = new UserStream({ userId: 'alice', url: service.eventsUrl, token: () => service.issueToken('alice').token });
 * await alice.connect(5_000);
 * alice.onEvent((e) => render(e));
 * ```
 */
export class UserStream {
  readonly userId: string;
  private readonly client: WebSocketEventClient;
  private readonly kept: ReceivedEvent[] = [];
  private readonly subscription: Disposable;
  private resyncCount = 0;
  private readonly errorMessages: string[] = [];

  constructor(options: UserStreamOptions) {
    this.userId = options.userId;
    this.client = new WebSocketEventClient({
      url: options.url,
      token: options.token,
      WebSocket,
      lastSeq: 0,
      reconnect: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 20 },
    });
    this.subscription = this.client.onEvent((event) => {
      this.kept.push({ seq: event.seq, type: event.type, runId: event.run_id, userId: event.user_id });
    });
    this.client.onResync(() => this.resyncCount++);
    this.client.onError((error) => {
      if (this.errorMessages.length < 20) this.errorMessages.push(`${error.kind}: ${error.message}`);
    });
  }

  /** Every event, as it arrives (in seq order, once each). */
  get onEvent(): Event<AgentEvent> {
    return this.client.onEvent;
  }

  /** Connects; resolves once welcomed and streaming, rejects after `timeoutMs`. */
  connect(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`${this.userId}: the event stream did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      const sub = this.client.onStateChange(({ state }) => {
        if (state !== 'open') return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
      this.client.connect();
    });
  }

  /** The highest seq received (0 before the first event). */
  get lastSeq(): number {
    return this.client.lastSeq ?? 0;
  }

  /** Events received so far, in order. */
  get received(): readonly ReceivedEvent[] {
    return this.kept;
  }

  /** The client's counters, plus resyncs seen and the first errors reported. */
  stats(): ClientStats & { readonly resyncsSeen: number; readonly errors: readonly string[] } {
    return { ...this.client.stats(), resyncsSeen: this.resyncCount, errors: [...this.errorMessages] };
  }

  /** Waits until `lastSeq` reaches `seq` (or `timeoutMs` passes); resolves to whether it did. */
  async caughtUp(seq: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastSeq < seq && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.lastSeq >= seq;
  }

  /** Closes the connection for good. */
  close(): void {
    this.subscription.dispose();
    this.client.close();
  }
}
