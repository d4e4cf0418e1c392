import { describe, expect, it } from 'vitest';
import { parseKey, SealError, seal, unseal } from '../../src/util/seal.js';

const KEY = Buffer.alloc(32, 3);
const TOKEN = 'xoxb-1234-secret-token';

describe('sealing secrets at rest (AES-256-GCM)', () => {
  it('opens what it sealed, with a fresh IV every time and no plain text', () => {
    const a = seal(KEY, TOKEN, 'T1');
    const b = seal(KEY, TOKEN, 'T1');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(unseal(KEY, a, 'T1')).toBe(TOKEN);
  });

  it('refuses a wrong key, a record moved to another row, a changed byte and an unknown version', () => {
    const sealed = seal(KEY, TOKEN, 'T1');
    expect(() => unseal(Buffer.alloc(32, 4), sealed, 'T1')).toThrow(SealError);
    expect(() => unseal(KEY, sealed, 'T2')).toThrow(/does not open with PAPERWIRE_ENCRYPTION_KEY/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => unseal(KEY, [parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'T1')).toThrow(SealError);
    expect(() => unseal(KEY, `v2.${parts.slice(1).join('.')}`, 'T1')).toThrow(/unknown format/);
  });

  it('reads a key written in hex or base64, 32 bytes and nothing else', () => {
    expect(parseKey(KEY.toString('hex'))?.equals(KEY)).toBe(true);
    expect(parseKey(KEY.toString('base64'))?.equals(KEY)).toBe(true);
    expect(parseKey(KEY.toString('base64url'))?.equals(KEY)).toBe(true);
    expect(parseKey(Buffer.alloc(31).toString('base64'))).toBeUndefined();
    expect(parseKey('not a key at all!')).toBeUndefined();
  });
});
