import type { WsErrorCode } from '../ws/protocol/server-frames.js';

/** Where the client is: `open` means welcomed and streaming. */
export type ClientState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed';

/** Payload of `onStateChange`. */
export interface ClientStateChange {
  readonly state: ClientState;
  readonly previous: ClientState;
  /** Reconnect attempt number (0 while connected). */
  readonly attempt: number;
  /** Close code of the connection that was lost, if one was. */
  readonly closeCode?: number;
  /** Wait before the next attempt (state `reconnecting`). */
  readonly delayMs?: number;
}

/** Payload of `onError`: nothing the client sees goes unreported. */
export type ClientError =
  | { readonly kind: 'invalid_frame'; readonly message: string }
  | { readonly kind: 'server_error'; readonly code: WsErrorCode; readonly message: string }
  | { readonly kind: 'token'; readonly message: string; readonly cause: unknown }
  | { readonly kind: 'connection'; readonly message: string; readonly closeCode?: number };

/** Counters of one client. */
export interface ClientStats {
  readonly received: number;
  readonly duplicates: number;
  readonly coalesced: number;
  readonly gaps: number;
  readonly resyncs: number;
  readonly reconnects: number;
  readonly invalidFrames: number;
}
