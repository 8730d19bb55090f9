import { z } from 'zod';
import { Id, Phone, recordBase, RequiredName } from './common';

export const RELATIONS = [
  'head',
  'partner',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** A member of a household (klient). */
export const Person = z.looseObject({
  ...recordBase,
  householdId: Id,
  firstName: RequiredName,
  lastName: RequiredName,
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  relation: z.enum(RELATIONS),
  phone: Phone.or(z.literal('')).default(''),
  email: z.email().or(z.literal('')).default(''),
});
export type Person = z.infer<typeof Person>;
