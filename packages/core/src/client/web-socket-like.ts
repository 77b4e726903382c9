/**
 * The part of the standard `WebSocket` API the client uses. The browser's `WebSocket`,
 * Node's global `WebSocket` (Node 22+) and the `ws` package's `WebSocket` all fit, so the
 * client never imports a Node-only module.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(
    type: 'close',
    listener: (event: { readonly code: number; readonly reason: string }) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** A `WebSocket` constructor: `new WebSocket(url)`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** `WebSocket.OPEN`. */
export const WS_OPEN = 1;

/**
 * The global `WebSocket` of the runtime (browsers, Deno, Bun, Node 22+), if there is one.
 * On Node 20, pass the `ws` package's `WebSocket` as the `WebSocket` option instead.
 */
export function globalWebSocket(): WebSocketConstructor | undefined {
  const candidate = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof candidate === 'function' ? (candidate as WebSocketConstructor) : undefined;
}

/**
 * `url` with the token in its `token` query parameter: the standard WebSocket API cannot
 * set an `Authorization` header, and the server accepts either.
 *
 * @example
 * ```ts
 * withToken('wss://chat.example/events', 'v1.abc.def'); // 'wss://chat.example/events?token=v1.abc.def'
 * ```
 */
export function withToken(url: string, token: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('token', token);
  return parsed.toString();
}
