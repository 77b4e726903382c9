import { z } from 'zod';

/**
 * Most thread ids one connection may subscribe to. A subscription set is per connection
 * and lives as long as it, so it is bounded like every other per-connection structure.
 */
export const MAX_THREAD_SUBSCRIPTIONS = 1_000;

const threadIds = z.array(z.string().min(1).max(256)).min(1).max(MAX_THREAD_SUBSCRIPTIONS);

/**
 * `subscribe`: narrow this connection to events of the given threads (added to any
 * threads already subscribed). Only threads the user owns are accepted.
 *
 * @example `{ "type": "subscribe", "thread_ids": ["t-1"] }`
 */
export const SubscribeMessageSchema = z.strictObject({
  type: z.literal('subscribe'),
  thread_ids: threadIds,
});

/**
 * `unsubscribe`: drop the given threads from the subscription, or every thread when
 * `thread_ids` is left out (the connection then receives the user's whole stream again).
 *
 * @example `{ "type": "unsubscribe" }`
 */
export const UnsubscribeMessageSchema = z.strictObject({
  type: z.literal('unsubscribe'),
  thread_ids: threadIds.optional(),
});

/**
 * `resume`: start streaming. With `last_seq`, the server first replays every buffered
 * event after it (or answers `rel.resync_required` when some are gone); without it, the
 * stream starts with the next live event. Accepted once per connection.
 *
 * @example `{ "type": "resume", "last_seq": 41 }`
 */
export const ResumeMessageSchema = z.strictObject({
  type: z.literal('resume'),
  last_seq: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/**
 * `ping`: an application-level liveness check for clients that cannot see WebSocket
 * pings (browsers). Answered with `rel.pong` carrying the same `id`.
 *
 * @example `{ "type": "ping", "id": 7 }`
 */
export const PingMessageSchema = z.strictObject({
  type: z.literal('ping'),
  id: z.union([z.string().max(64), z.int()]).optional(),
});

/** Every message a client may send, discriminated on `type`. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  SubscribeMessageSchema,
  UnsubscribeMessageSchema,
  ResumeMessageSchema,
  PingMessageSchema,
]);

/** A message from a client. Narrow on `type`. */
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** The `type` of every client message, for "unknown type" answers. */
export const CLIENT_MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'resume', 'ping'] as const;

/** One of {@link CLIENT_MESSAGE_TYPES}. */
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];
