import { z } from 'zod';

// Control frames share the socket with agent events. Their `type` always starts with
// `rel.`, and agent event types are bare snake_case words, so the two namespaces can never
// collide: a client tells them apart by the prefix alone.

/** Prefix of every control frame's `type`. */
export const CONTROL_FRAME_PREFIX = 'rel.';

/** Version of the wire protocol, sent in `rel.welcome`. */
export const WS_PROTOCOL_VERSION = 1;

/**
 * Codes of `rel.error` frames. Each answers one inbound message; the connection stays open.
 * - `invalid_json`: the message was not JSON text.
 * - `invalid_message`: a known `type` with bad or unknown fields (see `issues`).
 * - `unknown_type`: `type` is missing or not one of the client message types.
 * - `forbidden_thread`: a thread the user does not own.
 * - `too_many_threads`: the subscription would exceed the per-connection limit.
 * - `invalid_state`: the message is not allowed now (e.g. a second `resume`).
 */
export const WS_ERROR_CODES = [
  'invalid_json',
  'invalid_message',
  'unknown_type',
  'forbidden_thread',
  'too_many_threads',
  'invalid_state',
] as const;

/** One of {@link WS_ERROR_CODES}. */
export type WsErrorCode = (typeof WS_ERROR_CODES)[number];

/** Why a `rel.resync_required` was sent; see the protocol section of the README. */
export const RESYNC_REASONS = ['evicted', 'ahead', 'unknown', 'gap'] as const;

/** One of {@link RESYNC_REASONS}. */
export type ResyncReason = (typeof RESYNC_REASONS)[number];

const seq = z.int().min(0);
const iso = z.iso.datetime();

/** First frame on every connection. Nothing is streamed until the client sends `resume`. */
export const WelcomeFrameSchema = z.strictObject({
  type: z.literal('rel.welcome'),
  protocol: z.literal(WS_PROTOCOL_VERSION),
  connection_id: z.string().min(1),
  user_id: z.string().min(1),
  /** Highest seq the server has seen for the user (0: none yet). */
  head_seq: seq,
  /** Oldest seq still in the replay buffer (null: the buffer is empty). */
  oldest_seq: seq.nullable(),
  heartbeat_ms: z.int().min(0),
  max_payload_bytes: z.int().min(1),
  server_time: iso,
});

/** Answer to `resume` when the replay can be served: events `last_seq + 1 .. head_seq` follow, then live ones. */
export const ResumedFrameSchema = z.strictObject({
  type: z.literal('rel.resumed'),
  last_seq: seq,
  head_seq: seq,
});

/**
 * Some events the client asked for are gone (or never existed here). The stream goes on
 * with `resume_from` (everything still buffered, then live events); the client should
 * reload its state and treat `resume_from - 1` as its new last seq.
 */
export const ResyncRequiredFrameSchema = z.strictObject({
  type: z.literal('rel.resync_required'),
  reason: z.enum(RESYNC_REASONS),
  requested_seq: seq.nullable(),
  oldest_seq: seq.nullable(),
  head_seq: seq,
  resume_from: z.int().min(1),
});

/**
 * These seqs were coalescible events (thinking/progress) superseded by a newer one of the
 * same run before this connection could be sent them. Sent exactly where they would have
 * been, so the seq sequence seen by the client stays gap-free.
 */
export const CoalescedFrameSchema = z.strictObject({
  type: z.literal('rel.coalesced'),
  seqs: z.array(z.int().min(1)).min(1),
});

/** The current thread subscription, after every `subscribe` / `unsubscribe` (empty: whole stream). */
export const SubscribedFrameSchema = z.strictObject({
  type: z.literal('rel.subscribed'),
  thread_ids: z.array(z.string().min(1)),
});

/** Answer to one bad inbound message. The connection stays open. */
export const ErrorFrameSchema = z.strictObject({
  type: z.literal('rel.error'),
  code: z.enum(WS_ERROR_CODES),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), expected: z.string() })).optional(),
});

/** Answer to `ping`. */
export const PongFrameSchema = z.strictObject({
  type: z.literal('rel.pong'),
  id: z.union([z.string(), z.int()]).optional(),
  server_time: iso,
});

/** Every control frame the server sends, discriminated on `type`. */
export const ControlFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  ResumedFrameSchema,
  ResyncRequiredFrameSchema,
  CoalescedFrameSchema,
  SubscribedFrameSchema,
  ErrorFrameSchema,
  PongFrameSchema,
]);

/** A control frame. Narrow on `type`. */
export type ControlFrame = z.infer<typeof ControlFrameSchema>;
/** `rel.welcome`. */
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;
/** `rel.resync_required`. */
export type ResyncRequiredFrame = z.infer<typeof ResyncRequiredFrameSchema>;
/** `rel.error`. */
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
