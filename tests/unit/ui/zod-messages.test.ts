import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Contact } from '../../../src/core';
import { ContactFormSchema } from '../../../src/widgets/quick-contact/contact-form';

const first = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message;

/** Validation speaks of what to type, not of types (installed in tests/unit/setup.ts). */
describe('validation messages', () => {
  it.each([
    ['an empty duration (NaN from a number field)', Number.NaN, 'Vyplňte prosím toto pole.'],
    ['a duration with a fraction', 2.5, 'Zadejte celé číslo.'],
    ['a duration as text', 'hodina', 'Zadejte číslo.'],
    ['a negative duration', -5, 'Nejmenší možná hodnota je 0.'],
    ['a duration over a day', 2000, 'Největší možná hodnota je 1440.'],
  ])('says what to do with %s', (_, value, message) => {
    expect(first(Contact.shape.minutes, value)).toBe(message);
  });

  it('asks for a time in the form a worker types it', () => {
    expect(first(ContactFormSchema.shape.time, '25:99')).toBe('Zadejte čas, např. 14:30.');
    expect(first(ContactFormSchema.shape.date, '2026-02-31')).toBe('Zadejte platné datum.');
  });
});
