import { z } from 'zod';
import { DistrictCode } from '../domain/districts';
import { ProgrammeCode } from '../domain/programmes';

/**
 * A day a report may start or end on: the product's records start in this century, and a
 * period from year 1 would make the server compute two thousand years of months.
 */
export const ReportDay = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', { message: 'out_of_range' });

/** Dimensions an indicator report can be broken down by. */
export const REPORT_DIMENSIONS = ['month', 'programme', 'district', 'worker'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/**
 * Filters shared by the indicator and casework reports, with one meaning for both: a
 * programme keeps only its enrolments (and a visit's share of the work done for them), a
 * district keeps only the households whose current address is in it.
 */
export const ReportFilter = z.object({
  programme: ProgrammeCode.optional(),
  district: DistrictCode.optional(),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

export const IndicatorQuery = z.object({
  from: ReportDay,
  to: ReportDay,
  group: z
    .string()
    .default('month')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REPORT_DIMENSIONS)).max(4)),
  ...ReportFilter.shape,
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/**
 * One line of the indicator report. People are unique persons with at least one real contact
 * (failed attempts do not count); minutes are the worker's time, a household visit's minutes
 * split across the enrolments it served.
 */
export const IndicatorRow = z.object({
  month: z.string().optional(),
  programme: z.string().optional(),
  district: z.string().optional(),
  workerId: z.string().optional(),
  people: z.number().int(),
  contacts: z.number().int(),
  minutes: z.number().int(),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

export const ReportPeriod = z
  .object({ from: ReportDay, to: ReportDay })
  .refine((p) => p.from <= p.to, { message: 'from_after_to' });

/** The casework report's query: a period and the same filters as the indicators. */
export const CaseworkQuery = z
  .object({ from: ReportDay, to: ReportDay, ...ReportFilter.shape })
  .refine((p) => p.from <= p.to, { message: 'from_after_to' });
export type CaseworkQuery = z.infer<typeof CaseworkQuery>;

const Count = z.number().int();

/**
 * Casework indicators for a period, by programme: enrolments opened and closed (by reason),
 * leases ending, plans drawn up on time, rule compliance (the agenda's engine), and group
 * activities; every part narrowed by the query's programme and district.
 */
export const CaseworkReport = z.object({
  enrolments: z.array(
    z.object({
      programme: z.string(),
      opened: Count,
      closed: Count,
      reasons: z.record(z.string(), Count),
    }),
  ),
  leasesEnding: z.array(z.object({ programme: z.string(), count: Count })),
  plans: z.array(
    z.object({ programme: z.string(), due: Count, onTime: Count, late: Count, missing: Count }),
  ),
  compliance: z.array(z.object({ programme: z.string(), met: Count, total: Count })),
  groups: z.object({ sessions: Count, people: Count, minutes: Count }),
});
export type CaseworkReport = z.infer<typeof CaseworkReport>;
