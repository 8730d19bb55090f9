import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { open, openToText, seal } from '../../../src/data/crypto/keys';

const aKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('seal and open', () => {
  it('give back any JSON value, Czech text and long records included', async () => {
    const key = await aKey();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          // Longer than one 32 KB slice of the encoder.
          fc.string({ minLength: 40_000, maxLength: 50_000 }),
        ),
        async (value) => {
          const sealed = await seal(key, value);
          expect(sealed).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
          expect(await open(key, sealed)).toEqual(JSON.parse(JSON.stringify(value)));
        },
      ),
      { numRuns: 60 },
    );
    expect(await openToText(key, await seal(key, { jméno: 'Žluťoučký kůň 🐎' }))).toBe(
      '{"jméno":"Žluťoučký kůň 🐎"}',
    );
  });

  it('refuse a changed ciphertext or another key', async () => {
    const key = await aKey();
    const sealed = await seal(key, { note: 'důvěrné' });
    const [iv = '', ct = ''] = sealed.split('.');
    const flipped = `${iv}.${ct[0] === 'A' ? 'B' : 'A'}${ct.slice(1)}`;
    await expect(openToText(key, flipped)).rejects.toThrow();
    await expect(openToText(await aKey(), sealed)).rejects.toThrow();
  });
});
