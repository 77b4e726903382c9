import { formatIssues, toValidationIssues } from '@rel/config';
import { AgentEventSchema, type AgentEvent } from '../events/envelope.js';
import { CONTROL_FRAME_PREFIX, ControlFrameSchema, type ControlFrame } from '../ws/protocol/server-frames.js';

/** One inbound frame, classified. */
export type ServerFrame =
  | { readonly kind: 'event'; readonly event: AgentEvent }
  | { readonly kind: 'control'; readonly frame: ControlFrame }
  | { readonly kind: 'invalid'; readonly message: string; readonly data: unknown };

/**
 * Classifies one inbound message: JSON text; a `type` starting with `rel.` is a control
 * frame, anything else an agent event. With `validate` (the default of the client) both are
 * checked against their zod schemas ({@link ControlFrameSchema}, `AgentEventSchema`), so a
 * misbehaving server or proxy is reported instead of reaching the application; without,
 * only the JSON and the `type` are checked.
 *
 * @example
 * ```ts
 * parseServerFrame('{"type":"rel.pong","server_time":"2025-01-01T00:00:00.000Z"}', true);
 * // { kind: 'control', frame: { type: 'rel.pong', server_time: '2025-01-01T00:00:00.000Z' } }
 * ```
 */
export function parseServerFrame(data: unknown, validate: boolean): ServerFrame {
  if (typeof data !== 'string')
    return { kind: 'invalid', message: 'binary frames are not part of the protocol', data };
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { kind: 'invalid', message: 'the frame is not valid JSON', data };
  }
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { kind: 'invalid', message: 'the frame has no string `type`', data };
  const control = type.startsWith(CONTROL_FRAME_PREFIX);
  if (!validate) {
    return control
      ? { kind: 'control', frame: value as ControlFrame }
      : { kind: 'event', event: value as AgentEvent };
  }
  if (control) {
    const parsed = ControlFrameSchema.safeParse(value);
    if (parsed.success) return { kind: 'control', frame: parsed.data };
    const issues = toValidationIssues(ControlFrameSchema, value, parsed.error.issues);
    return { kind: 'invalid', message: formatIssues(`"${type}" frame`, issues), data };
  }
  const parsed = AgentEventSchema.safeParse(value);
  if (parsed.success) return { kind: 'event', event: parsed.data };
  const issues = toValidationIssues(AgentEventSchema, value, parsed.error.issues);
  return { kind: 'invalid', message: formatIssues(`"${type}" event`, issues), data };
}
