import { z } from 'zod';

/** Dimensions an indicator report can be broken down by. */
export const REPORT_DIMENSIONS = ['month', 'programme', 'district', 'worker'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export const IndicatorQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  group: z
    .string()
    .default('month')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REPORT_DIMENSIONS)).max(4)),
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
