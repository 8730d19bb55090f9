import { z } from 'zod';
import { DEFAULT_RETENTION_YEARS } from '../domain/retention';
import { Id } from '../records/common';
import { isStorableText } from './json-safety';

export const ROLES = ['worker', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100).refine(isStorableText),
  password: z.string().min(1).max(200).refine(isStorableText),
  deviceId: Id,
  deviceName: z.string().trim().max(100).default(''),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const TeamMember = z.object({ id: Id, name: z.string(), role: z.enum(ROLES) });
export type TeamMember = z.infer<typeof TeamMember>;

export const SessionUser = z.object({
  id: Id,
  name: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** How long a device may work offline and idle, set by the operator for every device. */
export const DevicePolicy = z.object({
  offlineDays: z.number().int().min(1).max(90),
  inactivityMinutes: z.number().int().min(1).max(240),
  /** Years a closed case is kept (shown on the case; the server lists what is due). */
  retentionYears: z.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS),
});
export type DevicePolicy = z.infer<typeof DevicePolicy>;
export const DEFAULT_DEVICE_POLICY: DevicePolicy = {
  offlineDays: 14,
  inactivityMinutes: 15,
  retentionYears: DEFAULT_RETENTION_YEARS,
};

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  user: SessionUser,
  team: z.array(TeamMember),
  policy: DevicePolicy.default(DEFAULT_DEVICE_POLICY),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
