import { describe, expect, it } from 'vitest';
import { parseServerFrame } from './frames.js';

const event = {
  type: 'agent_thinking',
  run_id: 'r',
  user_id: 'u',
  agent_name: 'a',
  seq: 1,
  timestamp: '2025-01-01T00:00:00.000Z',
  payload: { status: 'thinking', reasoning: 'hm' },
};

describe('parseServerFrame', () => {
  it('tells events from control frames by the rel. prefix and validates both', () => {
    expect(parseServerFrame(JSON.stringify(event), true)).toEqual({ kind: 'event', event });
    expect(parseServerFrame('{"type":"rel.coalesced","seqs":[3]}', true)).toEqual({
      kind: 'control',
      frame: { type: 'rel.coalesced', seqs: [3] },
    });
  });

  it('reports what is wrong instead of passing it on', () => {
    const bad = (data: unknown): string => {
      const f = parseServerFrame(data, true);
      return f.kind === 'invalid' ? f.message : 'valid';
    };
    expect(bad(new Uint8Array(2))).toMatch(/binary/);
    expect(bad('{')).toMatch(/not valid JSON/);
    expect(bad('{"seq":1}')).toMatch(/no string `type`/);
    expect(bad(JSON.stringify({ ...event, seq: 0 }))).toMatch(/seq: received 0/);
    expect(bad(JSON.stringify({ ...event, type: 'agent_dancing' }))).toMatch(/type/);
    expect(bad('{"type":"rel.coalesced","seqs":[]}')).toMatch(/seqs/);
  });

  it('trusts the type without validate (for clients that validate elsewhere)', () => {
    expect(parseServerFrame(JSON.stringify({ ...event, seq: 0 }), false)).toMatchObject({ kind: 'event' });
  });
});
