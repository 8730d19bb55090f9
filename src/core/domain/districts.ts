import { z } from 'zod';

/**
 * A city district's code, as stored in records. Which districts exist is data the server
 * serves (`GET /api/catalog`, table `districts`), so another city needs no code change; the
 * server refuses a household in a district it does not list.
 */
export const DistrictCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export type District = z.infer<typeof DistrictCode>;

/**
 * The districts (městské obvody) of Ostrava, the reference pilot: what the server seeds, and
 * what the app offers before it has fetched the server's list.
 */
export const DISTRICTS = [
  'marianske-hory',
  'moravska-ostrava',
  'ostrava-jih',
  'poruba',
  'slezska-ostrava',
  'vitkovice',
  'other',
] as const;

export const LOCALITY_KINDS = ['svl', 'hostel', 'ordinary'] as const;
export type LocalityKind = (typeof LOCALITY_KINDS)[number];

/**
 * A place the city knows as an excluded locality or a hostel (`GET /api/catalog`): offered
 * when a household's locality is typed, so one place is written one way.
 */
export const Locality = z.object({
  district: DistrictCode,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['svl', 'hostel']),
});
export type Locality = z.infer<typeof Locality>;
