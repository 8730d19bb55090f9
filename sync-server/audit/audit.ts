import type { Queryable } from '../db/database';

export type AuditAction =
  | 'view'
  | 'change'
  | 'refused'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'admin'
  | 'resolve'
  | 'anonymise';

export type AuditEvent = {
  userId: string | null;
  deviceId: string | null;
  action: AuditAction;
  recordType?: string | null;
  recordId?: string | null;
  /** Device time of an event made offline; the server's time otherwise. */
  occurredAt?: string | null;
  eventId?: string | null;
};

/** Appends to the audit log: identifiers only, never the content of a record. */
export const audit = async (db: Queryable, events: readonly AuditEvent[]): Promise<void> => {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (user_id, device_id, action, record_type, record_id, occurred_at, event_id)
     SELECT u.user_id, u.device_id, u.action, u.record_type, u.record_id, COALESCE(u.occurred_at, now()), u.event_id
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::uuid[])
         AS u(user_id, device_id, action, record_type, record_id, occurred_at, event_id)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      events.map((e) => e.userId),
      events.map((e) => e.deviceId),
      events.map((e) => e.action),
      events.map((e) => e.recordType ?? null),
      events.map((e) => e.recordId ?? null),
      events.map((e) => e.occurredAt ?? null),
      events.map((e) => e.eventId ?? null),
    ],
  );
};
