import { describe, expect, it } from 'vitest';
import { AGENT_EVENT_TYPES } from '../../events/event-types.js';
import { CLIENT_MESSAGE_TYPES, ClientMessageSchema, MAX_THREAD_SUBSCRIPTIONS } from './client-messages.js';
import { parseClientMessage } from './parse-client-message.js';
import { CONTROL_FRAME_PREFIX, ControlFrameSchema } from './server-frames.js';

describe('wire protocol', () => {
  it('control frame types can never collide with agent event types', () => {
    const controlTypes = ControlFrameSchema.options.map((o) => o.shape.type.value);
    expect(controlTypes.every((t) => t.startsWith(CONTROL_FRAME_PREFIX))).toBe(true);
    expect(AGENT_EVENT_TYPES.some((t) => t.startsWith(CONTROL_FRAME_PREFIX) || t.includes('.'))).toBe(false);
    expect(ClientMessageSchema.options.map((o) => o.shape.type.value)).toEqual([...CLIENT_MESSAGE_TYPES]);
  });

  it('parses every valid client message', () => {
    expect(parseClientMessage('{"type":"resume"}', false)).toEqual({ ok: true, message: { type: 'resume' } });
    expect(parseClientMessage(new TextEncoder().encode('{"type":"resume","last_seq":3}'), false)).toEqual({
      ok: true,
      message: { type: 'resume', last_seq: 3 },
    });
    expect(parseClientMessage('{"type":"subscribe","thread_ids":["a"]}', false)).toMatchObject({ ok: true });
    expect(parseClientMessage('{"type":"unsubscribe"}', false)).toMatchObject({ ok: true });
    expect(parseClientMessage('{"type":"ping","id":1}', false)).toMatchObject({ ok: true });
  });

  it('answers bad input with a typed error naming the field, the value and what is allowed', () => {
    const err = (data: string | Uint8Array, binary = false): unknown => {
      const r = parseClientMessage(data, binary);
      return r.ok ? undefined : r.error;
    };
    expect(err(new Uint8Array([0xff, 0xfe]))).toMatchObject({ code: 'invalid_json' });
    expect(err('[]')).toMatchObject({ code: 'unknown_type', message: expect.stringContaining('missing') });
    expect(err('{"type":"resume","last_seq":1.5}')).toMatchObject({
      code: 'invalid_message',
      issues: [{ path: 'last_seq', expected: expect.stringContaining('int') }],
    });
    expect(err('{"type":"resume","last_seqq":1}')).toMatchObject({
      message: expect.stringContaining('did you mean "last_seq"'),
    });
    const tooMany = JSON.stringify({
      type: 'subscribe',
      thread_ids: Array.from({ length: MAX_THREAD_SUBSCRIPTIONS + 1 }, (_, i) => `t${i}`),
    });
    expect(err(tooMany)).toMatchObject({ code: 'invalid_message', issues: [{ path: 'thread_ids' }] });
    expect(err('{"type":"ping"}', true)).toMatchObject({ code: 'invalid_message' });
  });
});
