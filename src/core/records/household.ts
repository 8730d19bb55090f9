import { z } from 'zod';
import { DistrictCode, LOCALITY_KINDS } from '../domain/districts';
import { Id, LongText, Phone, recordBase, ShortText } from './common';

/** A household (domácnost): the unit a worker visits. People belong to it. */
export const Household = z.looseObject({
  ...recordBase,
  teamId: Id,
  /** How workers refer to the household, e.g. a surname; never shown outside the team. */
  label: z.string().trim().min(1).max(120),
  street: ShortText.default(''),
  city: ShortText.default('Ostrava'),
  district: DistrictCode,
  localityKind: z.enum(LOCALITY_KINDS),
  /** Name of the excluded locality or hostel, if any. */
  localityName: ShortText.default(''),
  phone: Phone.or(z.literal('')).default(''),
  note: LongText.default(''),
  /** Set by the server's anonymisation after the retention period: the case is read-only. */
  anonymised: z.boolean().default(false),
});
export type Household = z.infer<typeof Household>;
