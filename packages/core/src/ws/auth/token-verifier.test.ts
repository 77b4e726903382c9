import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { extractToken } from './token-verifier.js';

const request = (url: string, authorization?: string): IncomingMessage =>
  ({ url, headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('extractToken', () => {
  it('reads a Bearer header first, else the token query parameter', () => {
    expect(extractToken(request('/events', 'Bearer abc.def'))).toBe('abc.def');
    expect(extractToken(request('/events', 'bearer   abc'))).toBe('abc');
    expect(extractToken(request('/events?x=1&token=v1.a.b'))).toBe('v1.a.b');
    expect(extractToken(request('/events?token=a%2Bb'))).toBe('a+b');
  });

  it('returns nothing for a missing, empty or malformed credential', () => {
    expect(extractToken(request('/events'))).toBeUndefined();
    expect(extractToken(request('/events?token='))).toBeUndefined();
    expect(extractToken(request('/events?token=q', 'Basic dXNlcg=='))).toBeUndefined();
    expect(extractToken(request('/events', 'Bearer'))).toBeUndefined();
    expect(extractToken(request('/events', 'Bearer a b'))).toBeUndefined();
  });
});
