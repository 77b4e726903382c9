import { isRelError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacTokenVerifier, signToken } from './hmac-token.js';

const SECRET = 'k'.repeat(32);
const OTHER = 'o'.repeat(32);
const req = {} as never;

describe('signToken / hmacTokenVerifier', () => {
  it('round-trips the claims until the expiry passes on the injected clock', async () => {
    const clock = new FakeClock(1_000_000);
    const verifier = hmacTokenVerifier({ secret: SECRET, clock });
    const token = signToken({
      secret: SECRET,
      userId: 'u-1',
      expiresAt: 1_000_000 + 60_000,
      threadIds: ['t1'],
    });
    expect(verifier.verify(token, req)).toEqual({ userId: 'u-1', expiresAt: 1_060_000, threadIds: ['t1'] });
    await clock.advance(59_999);
    expect(verifier.verify(token, req)).not.toBeNull();
    await clock.advance(1);
    expect(verifier.verify(token, req)).toBeNull(); // expired exactly at expiresAt
  });

  it('refuses tokens signed with another key, and accepts every key of a rotation', () => {
    const token = signToken({ secret: OTHER, userId: 'u', expiresAt: Date.now() + 60_000 });
    expect(hmacTokenVerifier({ secret: SECRET }).verify(token, req)).toBeNull();
    expect(hmacTokenVerifier({ secret: [SECRET, OTHER] }).verify(token, req)).toMatchObject({ userId: 'u' });
    expect(hmacTokenVerifier({ secret: new TextEncoder().encode(OTHER) }).verify(token, req)).not.toBeNull();
  });

  it('refuses any change to the signed part, and any signature that decodes differently', () => {
    const verifier = hmacTokenVerifier({ secret: SECRET });
    const token = signToken({ secret: SECRET, userId: 'user-42', expiresAt: Date.now() + 600_000 });
    const dot = token.lastIndexOf('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (index, char) => {
        const changed = token.slice(0, index) + char + token.slice(index + 1);
        if (changed === token) return;
        const sameSignatureBytes =
          index > dot &&
          Buffer.from(changed.slice(dot + 1), 'base64url').equals(
            Buffer.from(token.slice(dot + 1), 'base64url'),
          );
        if (sameSignatureBytes) return; // base64url's unused low bits: the same signature
        expect(verifier.verify(changed, req)).toBeNull();
      }),
      { seed: 3, numRuns: 400 },
    );
    for (const bad of ['', 'v1.', 'v2.abc.def', 'v1.abc', `${token}x`, token.replace('v1.', 'v1..')]) {
      expect(verifier.verify(bad, req)).toBeNull();
    }
  });

  it('rejects short keys and bad claims with a RelConfigError naming the field', () => {
    const error = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const short = error(() => hmacTokenVerifier({ secret: 'short' }));
    expect(isRelError(short, 'REL_CONFIG_INVALID')).toBe(true);
    expect(String(short)).toMatch(
      /secret: received "5 bytes"; expected a string or Uint8Array of at least 32 bytes/,
    );
    expect(String(error(() => hmacTokenVerifier({ secret: [SECRET, 'x'] })))).toContain('secret[1]');
    expect(String(error(() => signToken({ secret: SECRET, userId: '', expiresAt: 1 })))).toContain('userId');
    expect(String(error(() => signToken({ secret: SECRET, userId: 'u', expiresAt: Number.NaN })))).toContain(
      'expiresAt',
    );
  });
});
