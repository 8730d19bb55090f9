import type { RecordType } from '../../src/core';
import type { Queryable } from '../db/database';

/** A change kept for the team's supervisor (sync_quarantine): held by a push, or handed over. */
export type Held = {
  teamId: string;
  householdId: string;
  type: RecordType;
  record: Record<string, unknown>;
  userId: string;
  deviceId: string;
  /** Handed over: why the server refused it, and the device's mutation, so a retry is a no-op. */
  handedOver?: { reason: string; mutationId: string };
};

/** Keeps the change; false when this hand-over was kept already. */
export const holdForSupervisor = async (tx: Queryable, h: Held): Promise<boolean> => {
  const rows = await tx.query(
    `INSERT INTO sync_quarantine
       (team_id, household_id, record_type, record, user_id, device_id, reason, mutation_id)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     ON CONFLICT (device_id, mutation_id) WHERE mutation_id IS NOT NULL DO NOTHING
     RETURNING 1`,
    [
      h.teamId,
      h.householdId,
      h.type,
      JSON.stringify(h.record),
      h.userId,
      h.deviceId,
      h.handedOver?.reason ?? null,
      h.handedOver?.mutationId ?? null,
    ],
  );
  return rows.length > 0;
};
