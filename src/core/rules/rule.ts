import { z } from 'zod';
import { ProgrammeCode } from '../domain/programmes';

/**
 * A contact-frequency rule is data, not code: a programme's phases, each from/to a day
 * since enrolment, with what it requires. Phases partition time: the first starts at day 0,
 * each starts where the previous ended, the last is open-ended.
 */
export const Requirement = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('min_per_period'),
    period: z.enum(['iso_week', 'month']),
    min: z.number().int().min(1).max(50),
  }),
  z.object({
    kind: z.literal('avg_per_week'),
    perWeek: z.number().min(0.1).max(20),
    windowWeeks: z.number().int().min(1).max(26),
  }),
]);
export type Requirement = z.infer<typeof Requirement>;

export const Phase = z.object({
  fromDay: z.number().int().min(0),
  toDay: z.number().int().min(1).nullable(),
  /** null: no contact requirement in this phase. */
  requirement: Requirement.nullable(),
});
export type Phase = z.infer<typeof Phase>;

export const ContactRule = z
  .object({
    programme: ProgrammeCode,
    phases: z.array(Phase).min(1).max(12),
    /** The individual plan must exist within this many days of enrolment; null if not required. */
    planWithinDays: z.number().int().min(1).max(730).nullable(),
    /** Warn this many days before a lease ends; null for no warning. */
    leaseWarningDays: z.number().int().min(1).max(365).nullable(),
  })
  .superRefine((rule, ctx) => {
    rule.phases.forEach((p, i) => {
      const prev = rule.phases[i - 1];
      if (i === 0 && p.fromDay !== 0)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'fromDay'],
          message: 'first_phase_starts_at_0',
        });
      if (prev && p.fromDay !== prev.toDay)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'fromDay'],
          message: 'phases_must_touch',
        });
      if (p.toDay !== null && p.toDay <= p.fromDay)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'toDay'],
          message: 'phase_ends_before_start',
        });
      if (i === rule.phases.length - 1 && p.toDay !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'toDay'],
          message: 'last_phase_open_ended',
        });
    });
  });
export type ContactRule = z.infer<typeof ContactRule>;
