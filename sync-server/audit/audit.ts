import type { Queryable } from '../db/database';
import { compose, type Fragment } from '../db/sql';

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

/** The audit log INSERT of these events, to run alone or as part of a larger statement. */
export const auditInsert = (events: readonly AuditEvent[]): Fragment => {
  const rows = JSON.stringify(
    events.map((e) => ({
      user_id: e.userId,
      device_id: e.deviceId,
      action: e.action,
      record_type: e.recordType ?? null,
      record_id: e.recordId ?? null,
      occurred_at: e.occurredAt ?? null,
      event_id: e.eventId ?? null,
    })),
  );
  return (p) =>
    `INSERT INTO audit_log (user_id, device_id, action, record_type, record_id, occurred_at, event_id)
     SELECT u.user_id, u.device_id, u.action, u.record_type, u.record_id, COALESCE(u.occurred_at, now()), u.event_id
       FROM jsonb_to_recordset(${p(rows)}::jsonb)
         AS u(user_id uuid, device_id uuid, action text, record_type text, record_id uuid,
              occurred_at timestamptz, event_id uuid)
     ON CONFLICT (event_id) DO NOTHING`;
};

/** Appends to the audit log: identifiers only, never the content of a record. */
export const audit = async (db: Queryable, events: readonly AuditEvent[]): Promise<void> => {
  if (events.length === 0) return;
  const { sql, params } = compose(auditInsert(events));
  await db.query(sql, params);
};
