import { z } from 'zod';
import { DistrictCode, Locality } from '../domain/districts';
import { ProgrammeInfo } from '../domain/programmes';
import { Id } from '../records/common';
import { ROLES } from './auth';

/** What the admin screens send and receive; the server validates with the same schemas. */
export const AdminUser = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: Id.nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  devices: z.number().int(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/);

/** At least 12 characters: a passphrase a worker can remember and type on a phone. */
export const NewPassword = z.string().min(12).max(200);

export const CreateUser = z.object({
  username: Username,
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  teamId: Id.nullable(),
  password: NewPassword,
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    teamId: Id.nullable(),
    disabled: z.boolean(),
    password: NewPassword,
  })
  .partial();
export type UpdateUser = z.infer<typeof UpdateUser>;

export const AdminTeam = z.object({ id: Id, name: z.string(), members: z.number().int() });
export type AdminTeam = z.infer<typeof AdminTeam>;
export const CreateTeam = z.object({ name: z.string().trim().min(1).max(120) });

export const AdminDevice = z.object({
  id: Id,
  userId: Id,
  userName: z.string(),
  name: z.string(),
  lastSeenAt: z.string(),
  revoked: z.boolean(),
  /** A session of it is still valid (absent from older servers). */
  signedIn: z.boolean().optional(),
});
export type AdminDevice = z.infer<typeof AdminDevice>;

/** `GET /api/catalog`: the places and programmes this server's city has, for forms and labels. */
export const Catalog = z.object({
  districts: z.array(z.object({ code: DistrictCode, name: z.string() })),
  /** Absent from servers older than programmes as data: the device keeps Ostrava's. */
  programmes: z.array(ProgrammeInfo).optional(),
  /** The excluded localities and hostels the city knows, for forms to offer. */
  localities: z.array(Locality).optional(),
});
export type Catalog = z.infer<typeof Catalog>;
