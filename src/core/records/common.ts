import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';

/**
 * Record ids are made on the device (UUIDv7: time-ordered, so indexes stay compact), and
 * spelled in lower case only: the server keys what it has read by the id's text, and an id
 * in capitals would not find its stored record (it was taken for a new one, and
 * every check on an existing record was skipped).
 */
export const Id = z.uuid().refine((s) => s === s.toLowerCase(), { message: 'lowercase' });
export type Id = z.infer<typeof Id>;
export const newId = (): Id => uuidv7();

/** A calendar date as the worker means it (Europe/Prague), e.g. "2026-11-23". */
export const IsoDate = z.iso.date();
/** A moment in time, always with an offset, e.g. "2026-11-23T09:30:00.000Z". */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Fields every synced record carries. */
export const recordBase = {
  id: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deleted: z.boolean().default(false),
};

const trimmed = (max: number) => z.string().trim().max(max);
export const ShortText = trimmed(200);
export const LongText = trimmed(20_000);
export const RequiredName = z.string().trim().min(1).max(120);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{6,20}$/);
