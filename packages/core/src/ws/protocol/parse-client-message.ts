import { formatIssues, toValidationIssues } from '@rel/config';
import type { z } from 'zod';
import {
  CLIENT_MESSAGE_TYPES,
  PingMessageSchema,
  ResumeMessageSchema,
  SubscribeMessageSchema,
  UnsubscribeMessageSchema,
  type ClientMessage,
  type ClientMessageType,
} from './client-messages.js';
import type { ErrorFrame } from './server-frames.js';

/** The outcome of {@link parseClientMessage}: a valid message, or the error frame to answer with. */
export type ParsedClientMessage =
  { readonly ok: true; readonly message: ClientMessage } | { readonly ok: false; readonly error: ErrorFrame };

const SCHEMAS: Record<ClientMessageType, z.ZodType<ClientMessage>> = {
  subscribe: SubscribeMessageSchema,
  unsubscribe: UnsubscribeMessageSchema,
  resume: ResumeMessageSchema,
  ping: PingMessageSchema,
};

const fail = (
  code: ErrorFrame['code'],
  message: string,
  issues?: ErrorFrame['issues'],
): ParsedClientMessage => ({
  ok: false,
  error:
    issues === undefined
      ? { type: 'rel.error', code, message }
      : { type: 'rel.error', code, message, issues },
});

// Fatal: invalid UTF-8 is a malformed message, not text to guess at (ws validates text
// frames already; this covers callers that hand in raw bytes).
const utf8 = new TextDecoder('utf-8', { fatal: true });

const isKnownType = (type: unknown): type is ClientMessageType =>
  typeof type === 'string' && (CLIENT_MESSAGE_TYPES as readonly string[]).includes(type);

/**
 * Parses one inbound WebSocket message: UTF-8 JSON text, an object whose `type` is a
 * client message type, and fields valid for that type (unknown keys are errors). Every
 * failure becomes a `rel.error` frame naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"resume","last_seq":-1}', false);
 * // { ok: false, error: { type: 'rel.error', code: 'invalid_message', message: '... last_seq: received -1; expected a number >= 0', ... } }
 * ```
 */
export function parseClientMessage(data: string | Uint8Array, isBinary: boolean): ParsedClientMessage {
  if (isBinary) return fail('invalid_message', 'binary messages are not supported; send JSON text');
  let value: unknown;
  try {
    value = JSON.parse(typeof data === 'string' ? data : utf8.decode(data));
  } catch {
    return fail('invalid_json', 'the message is not valid JSON');
  }
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (!isKnownType(type)) {
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : 'missing';
    return fail(
      'unknown_type',
      `unknown message type ${shown}; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}`,
    );
  }
  const schema = SCHEMAS[type];
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issues = toValidationIssues(schema, value, parsed.error.issues);
  return fail(
    'invalid_message',
    formatIssues(`"${type}" message`, issues),
    issues.map((issue) => ({ path: issue.path, expected: issue.expected })),
  );
}
