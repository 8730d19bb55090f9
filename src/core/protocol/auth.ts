import { z } from 'zod';
import { DEFAULT_RETENTION_YEARS } from '../domain/retention';
import { Id } from '../records/common';
import { isStorableText } from './json-safety';

export const ROLES = ['worker', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 32 random bytes, base64url: asks only whether this device was revoked. */
export const DeviceKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** `POST /api/device/status`: answered 204, or 403 `revoked` (with Clear-Site-Data). */
export const DeviceStatusRequest = z.object({ deviceId: Id, deviceKey: DeviceKey });
export type DeviceStatusRequest = z.infer<typeof DeviceStatusRequest>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100).refine(isStorableText),
  password: z.string().min(1).max(200).refine(isStorableText),
  deviceId: Id,
  deviceName: z.string().trim().max(100).default(''),
  /** The device's own check key (`DeviceStatusRequest`); absent from older apps. */
  deviceKey: DeviceKey.optional(),
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
