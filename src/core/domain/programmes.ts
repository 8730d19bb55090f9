import { z } from 'zod';

/**
 * A programme's code, as stored in enrolments and rules. Which programmes exist, and what
 * each one is (a housing tier with a flat and a lease or not, how long a lease may run, its
 * colour), is data the server serves (`GET /api/catalog`, table `programmes`), so another
 * city needs no code change; the server refuses an enrolment in a programme it does not list.
 */
export const ProgrammeCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
export type Programme = z.infer<typeof ProgrammeCode>;

/** The colours a programme's chip may have (styles.css `.chip--<colour>`). */
export const PROGRAMME_COLOURS = [
  'red',
  'teal',
  'green',
  'violet',
  'orange',
  'blue',
  'grey',
] as const;

export const ProgrammeInfo = z.object({
  code: ProgrammeCode,
  name: z.string().trim().min(1).max(120),
  /** A housing tier: the household has a flat and a lease. */
  housing: z.boolean(),
  /** A lease must end within this many months of its start (crisis housing: 6); null: no limit. */
  leaseMaxMonths: z.number().int().min(1).max(120).nullable(),
  colour: z.enum(PROGRAMME_COLOURS),
});
export type ProgrammeInfo = z.infer<typeof ProgrammeInfo>;

/**
 * The programmes of Ostrava's pilot, the reference (004_*): what the server seeds, and what
 * the app knows before it has fetched the server's list. Crisis housing leases last at most
 * 6 months ("nájem max. 6 měsíců").
 */
export const SEEDED_PROGRAMMES = [
  'crisis_housing',
  'social_housing',
  'affordable_housing',
  'family_prevention',
  'field_work',
] as const;
export type SeededProgramme = (typeof SEEDED_PROGRAMMES)[number];

export const OSTRAVA_PROGRAMMES: readonly ProgrammeInfo[] = [
  {
    code: 'crisis_housing',
    name: 'Krizové bydlení',
    housing: true,
    leaseMaxMonths: 6,
    colour: 'red',
  },
  {
    code: 'social_housing',
    name: 'Sociální bydlení',
    housing: true,
    leaseMaxMonths: null,
    colour: 'teal',
  },
  {
    code: 'affordable_housing',
    name: 'Dostupné bydlení',
    housing: true,
    leaseMaxMonths: null,
    colour: 'green',
  },
  {
    code: 'family_prevention',
    name: 'Prevence ohrožení rodiny',
    housing: false,
    leaseMaxMonths: null,
    colour: 'violet',
  },
  {
    code: 'field_work',
    name: 'Terénní program',
    housing: false,
    leaseMaxMonths: null,
    colour: 'orange',
  },
];

/**
 * What a programme is, from a city's list. A code the list does not hold (removed since, or
 * the list not fetched yet) is taken as a plain programme without a flat, named by its code.
 */
export const programmeInfo = (list: readonly ProgrammeInfo[], code: string): ProgrammeInfo =>
  list.find((p) => p.code === code) ?? {
    code,
    name: code,
    housing: false,
    leaseMaxMonths: null,
    colour: 'grey',
  };
