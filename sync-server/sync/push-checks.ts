import {
  jsonFault,
  MAX_UNKNOWN_FIELDS_BYTES,
  RECORD_SCHEMAS,
  unknownFieldsBytes,
  type AnyRecord,
  type PushMutation,
  type RecordType,
  type RejectReason,
  type SessionUser,
} from '../../src/core';
import type { Queryable } from '../db/database';
import { districtCodes, programmeCodes } from '../rules/catalog';
import { findRecord, type StoredRecord } from './store-records';

/** Fields of a pushed record that name records: its own id, its household, its references. */
export const REFERENCE_FIELDS = [
  'id',
  'householdId',
  'planId',
  'enrolmentId',
  'basedOn',
  'amends',
  'enrolmentIds',
  'participantIds',
  'personId',
] as const;

const KNOWN_FIELDS = new Map<RecordType, ReadonlySet<string>>();
const knownFields = (type: RecordType): ReadonlySet<string> => {
  let known = KNOWN_FIELDS.get(type);
  if (!known) KNOWN_FIELDS.set(type, (known = new Set(Object.keys(RECORD_SCHEMAS[type].shape))));
  return known;
};

export type Checked =
  { ok: true; record: AnyRecord & Record<string, unknown> } | { ok: false; reason: RejectReason };

/**
 * Is this mutation something the server can hash, merge and store? Each fault refuses this
 * mutation alone (a NUL in one string made PostgreSQL fail the whole batch, and
 * the device sent the same batch forever).
 */
export const checkShape = (m: PushMutation): Checked => {
  const fault = jsonFault(m.record) ?? jsonFault(m.base);
  if (fault) return { ok: false, reason: fault };
  const parsed = RECORD_SCHEMAS[m.type].safeParse(m.record);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  const record = parsed.data as AnyRecord & Record<string, unknown>;
  if (unknownFieldsBytes(record, knownFields(m.type)) > MAX_UNKNOWN_FIELDS_BYTES)
    return { ok: false, reason: 'unknown_fields_too_large' };
  return { ok: true, record };
};

/** What the reference check needs of the batch: stored (or just accepted) records, team members. */
export type ReferenceLookup = {
  find: (id: string) => Promise<StoredRecord | undefined>;
  teamMembers: () => Promise<ReadonlySet<string>>;
  /** The districts the city lists (sync-server/rules/catalog.ts). */
  districts: () => Promise<ReadonlySet<string>>;
  /** The programmes the city lists. */
  programmes: () => Promise<ReadonlySet<string>>;
};

/** The ids of a team's users (a supervisor logs contacts in a worker's name). */
export const teamMemberIds = async (tx: Queryable, teamId: string): Promise<Set<string>> =>
  new Set(
    (await tx.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [teamId])).map(
      (r) => r.id,
    ),
  );

/** Looks up what is stored (not a push batch's pending writes): for a supervisor's decision. */
export const storedLookup = (tx: Queryable, teamId: string): ReferenceLookup => ({
  find: (id) => findRecord(tx, id),
  teamMembers: () => teamMemberIds(tx, teamId),
  districts: () => districtCodes(tx),
  programmes: () => programmeCodes(tx),
});

/** The code a record names from the city's lists: a household's district, an enrolment's programme. */
const LISTED: Partial<Record<RecordType, { field: string; list: 'districts' | 'programmes' }>> = {
  household: { field: 'district', list: 'districts' },
  enrolment: { field: 'programme', list: 'programmes' },
};

/** A code the city does not list; one the record held before stays editable. */
const unlistedCode = async (
  lookup: ReferenceLookup,
  type: RecordType,
  record: Record<string, unknown>,
): Promise<boolean> => {
  const listed = LISTED[type];
  if (!listed) return false;
  const code = record[listed.field];
  if ((await lookup.find(String(record.id)))?.data[listed.field] === code) return false;
  return typeof code !== 'string' || !(await lookup[listed.list]()).has(code);
};

const inHousehold = async (
  lookup: ReferenceLookup,
  ids: readonly (string | null | undefined)[],
  type: RecordType,
  householdId: string,
): Promise<boolean> => {
  for (const id of ids) {
    if (!id) continue;
    const found = await lookup.find(id);
    if (!found || found.type !== type || found.household_id !== householdId) return false;
  }
  return true;
};

/**
 * Every record a pushed record names must be of its own household, and the person it is
 * logged in the name of must be its writer or, for a supervisor, one of the team
 * (a plan revision naming another household's plan pulled that plan's goals into the
 * writer's household; contacts in a colleague's name skewed the reports by worker).
 */
export const checkReferences = async (
  lookup: ReferenceLookup,
  user: SessionUser,
  type: RecordType,
  record: AnyRecord,
  householdId: string,
): Promise<RejectReason | null> => {
  const r = record as Partial<Record<(typeof REFERENCE_FIELDS)[number] | 'workerId', unknown>>;
  const named = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []);
  const ofTeam = async (id: unknown) =>
    id === user.id ||
    (user.role === 'supervisor' && (await lookup.teamMembers()).has(id as string));
  // A correction keeps the name of whoever did the work it corrects (contact-form.ts).
  const amended =
    type === 'contact' && typeof r.amends === 'string' ? await lookup.find(r.amends) : undefined;
  const correctsTheirs = amended?.data.workerId === r.workerId;
  if (type === 'contact' && !correctsTheirs && !(await ofTeam(r.workerId)))
    return 'worker_mismatch';
  // A case is assigned only within the team; one assigned before its worker left stays editable.
  const assigned = type === 'enrolment' ? (await lookup.find(record.id))?.data.workerId : null;
  if (type === 'enrolment' && assigned !== r.workerId && !(await ofTeam(r.workerId)))
    return 'not_allowed';
  if (await unlistedCode(lookup, type, record as Record<string, unknown>)) return 'unknown_code';
  const checks: [unknown, RecordType][] = [
    [r.enrolmentIds, 'enrolment'],
    [r.participantIds, 'person'],
    [type === 'contact' ? r.amends : null, 'contact'],
    [r.enrolmentId, 'enrolment'],
    [r.basedOn, 'plan'],
    [type === 'plan' ? r.personId : null, 'person'],
    [r.planId, 'plan'],
  ];
  for (const [ids, of] of checks)
    if (!(await inHousehold(lookup, named(ids), of, householdId))) return 'foreign_reference';
  return null;
};
