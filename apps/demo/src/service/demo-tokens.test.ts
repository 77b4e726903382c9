import type { IncomingMessage } from 'node:http';
import { RelConfigError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { DemoTokens } from './demo-tokens.js';

const request = {} as IncomingMessage;

describe('DemoTokens', () => {
  it('signs short-lived HMAC tokens for the demo users that its verifier accepts', async () => {
    const tokens = new DemoTokens(['alice', 'bob'], 60_000);
    const grant = tokens.issue('alice');
    expect(grant.userId).toBe('alice');
    expect(grant.expiresAt - Date.now()).toBeGreaterThan(59_000);
    expect(grant.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect(await tokens.verifier.verify(grant.token, request)).toMatchObject({ userId: 'alice' });
  });

  it('refuses anyone else, naming the demo users', () => {
    const tokens = new DemoTokens(['alice', 'bob'], 60_000);
    expect(() => tokens.issue('mallory')).toThrow(RelConfigError);
    expect(() => tokens.issue(undefined)).toThrow(
      /user: received nothing; expected one of the demo users: alice, bob/,
    );
  });

  it('accepts no token signed with another key (each process makes its own)', async () => {
    const mine = new DemoTokens(['alice'], 60_000);
    const theirs = new DemoTokens(['alice'], 60_000);
    expect(await mine.verifier.verify(theirs.issue('alice').token, request)).toBeNull();
  });
});
