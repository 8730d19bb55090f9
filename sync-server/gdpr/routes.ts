import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ageBand,
  anonymiseRecord,
  AnonymiseRequest,
  DEFAULT_RETENTION_YEARS,
  pragueDate,
  ReportPeriod,
  retentionUntil,
  type AnonymiseResult,
  type AnyRecord,
  type Contact,
  type Enrolment,
  type Hlc,
  type Person,
  type PseudonymisedExport,
  type RecordType,
  type RetentionCase,
  type RetentionList,
  type SubjectExport,
} from '../../src/core';
import { audit } from '../audit/audit';
import { mayExportCase } from '../access/households';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database, Queryable } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { contactInPeriod, enrolmentRunning, notAmended } from '../db/record-predicates';
import { isUuid } from '../http/ids';
import { HttpProblem } from '../http/problem';
import { laterThan } from '../sync/server-clock';
import { lockKeys, storeRecords } from '../sync/store-records';

type EnrolmentRow = {
  household_id: string;
  label: string;
  district: string;
  programme: string;
  status: Enrolment['status'];
  closed_on: string | null;
};

/**
 * GDPR helpers (docs/security.md item 15): closed cases past their retention date, their
 * anonymisation once a manager approves it, one household's data for a subject-access
 * request, and a pseudonymised export for evaluators. Every use is audited.
 */
export const registerGdprRoutes = (
  app: FastifyInstance,
  db: Database,
  opts: { retentionYears?: number; pseudonymKey?: string | undefined },
) => {
  const years = opts.retentionYears ?? DEFAULT_RETENTION_YEARS;
  const manager = async (request: FastifyRequest): Promise<Session> => {
    const session = await authenticate(db, request);
    if (session.user.role !== 'manager') throw new HttpProblem(403, 'forbidden');
    return session;
  };
  const log = (
    q: Queryable,
    s: Session,
    action: 'export' | 'anonymise',
    recordType: string,
    recordId: string | null = null,
  ) => audit(q, [{ userId: s.user.id, deviceId: s.deviceId, action, recordType, recordId }]);

  /** Closed cases whose retention date has passed, not anonymised yet. */
  const dueCases = async (q: Queryable, ids: string[] | null): Promise<RetentionCase[]> => {
    const [h, e, o] = [
      fieldsOf('household', 'h'),
      fieldsOf('enrolment', 'e'),
      fieldsOf('enrolment', 'o'),
    ];
    const rows = await q.query<EnrolmentRow>(
      `SELECT h.id AS household_id, ${h('label')} AS label, ${h('district')} AS district,
              ${e('programme')} AS programme, ${e('status')} AS status,
              ${e('closedOn')} AS closed_on
         FROM records h JOIN records e ON e.household_id = h.id AND e.type = 'enrolment' AND NOT e.deleted
        WHERE h.type = 'household' AND NOT h.deleted
          AND ($1::uuid[] IS NULL OR h.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM anonymisations a WHERE a.household_id = h.id)
          AND h.id IN (SELECT o.household_id FROM records o WHERE o.type = 'enrolment' AND NOT o.deleted
                        GROUP BY o.household_id HAVING bool_and(${o('status')} = 'closed'))`,
      [ids],
    );
    const today = pragueDate(new Date());
    const byHousehold = new Map<string, EnrolmentRow[]>();
    for (const r of rows)
      byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r]);
    const cases: RetentionCase[] = [];
    for (const [householdId, list] of byHousehold) {
      const enrolments = list.map((r) => ({
        status: r.status,
        closedOn: r.closed_on,
        deleted: false,
      }));
      const until = retentionUntil(enrolments, years);
      if (!until || until > today) continue;
      const first = list[0] as EnrolmentRow;
      cases.push({
        householdId,
        label: first.label,
        district: first.district,
        programmes: [...new Set(list.map((r) => r.programme))].sort(),
        closedOn: list.reduce(
          (max, r) => ((r.closed_on ?? '') > max ? (r.closed_on ?? '') : max),
          '',
        ),
        retainUntil: until,
      });
    }
    return cases.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
  };

  app.get('/api/gdpr/retention', async (request): Promise<RetentionList> => {
    const session = await manager(request);
    const cases = await dueCases(db, null);
    await log(db, session, 'export', 'retention');
    return { retentionYears: years, cases };
  });

  app.post('/api/gdpr/anonymise', async (request): Promise<AnonymiseResult> => {
    const session = await manager(request);
    const body = AnonymiseRequest.safeParse(request.body);
    if (!body.success) throw new HttpProblem(400, 'invalid_request');
    const asked = [...new Set(body.data.householdIds)];
    return db.transaction(async (tx) => {
      // Every push into these households waits meanwhile (it locks its household too).
      await lockKeys(tx, asked);
      // Checked again inside the transaction: a case reopened meanwhile is left alone.
      const due = new Set((await dueCases(tx, asked)).map((c) => c.householdId));
      const anonymised: string[] = [];
      for (const householdId of asked.filter((id) => due.has(id))) {
        const records = await tx.query<{
          type: RecordType;
          data: AnyRecord;
          team_id: string;
          field_clock: Record<string, Hlc>;
        }>('SELECT type, data, team_id, field_clock FROM records WHERE household_id = $1', [
          householdId,
        ]);
        const teamId = records[0]?.team_id;
        if (!teamId) continue;
        await storeRecords(
          tx,
          teamId,
          records.map((r) => {
            const data = anonymiseRecord(r.type, r.data);
            const fieldClock = { ...r.field_clock };
            for (const k of Object.keys(data)) fieldClock[k] = laterThan(fieldClock[k]);
            return { type: r.type, record: data, fieldClock };
          }),
        );
        // Logged losing values and held-back edits may hold the same personal data.
        await tx.query(
          `UPDATE sync_conflicts SET losing_value = NULL, winning_value = NULL
            WHERE record_id IN (SELECT id FROM records WHERE household_id = $1)`,
          [householdId],
        );
        await tx.query(
          `UPDATE sync_quarantine SET record = '{}'::jsonb, resolved_at = COALESCE(resolved_at, now()),
                  resolution = COALESCE(resolution, 'anonymised') WHERE household_id = $1`,
          [householdId],
        );
        await tx.query('INSERT INTO anonymisations (household_id, approved_by) VALUES ($1, $2)', [
          householdId,
          session.user.id,
        ]);
        await log(tx, session, 'anonymise', 'household', householdId);
        anonymised.push(householdId);
      }
      return { anonymised, skipped: asked.filter((id) => !anonymised.includes(id)) };
    });
  });

  app.get('/api/gdpr/subject/:id', async (request): Promise<SubjectExport> => {
    const session = await authenticate(db, request);
    const { id } = request.params as { id?: string };
    if (!isUuid(id)) throw new HttpProblem(404, 'not_found');
    if (!(await mayExportCase(db, session.user, id))) throw new HttpProblem(403, 'forbidden');
    const rows = await db.query<{ id: string; type: RecordType; data: AnyRecord; team_id: string }>(
      'SELECT id, type, data, team_id FROM records WHERE household_id = $1 AND NOT deleted ORDER BY seq',
      [id],
    );
    const household = rows.find((r) => r.type === 'household');
    if (!household) throw new HttpProblem(404, 'not_found');
    const of = (type: RecordType) => rows.filter((r) => r.type === type).map((r) => r.data);
    const accessLog = await db.query<{ at: string; action: string; recordType: string | null }>(
      `SELECT to_json(occurred_at) #>> '{}' AS at, action, record_type AS "recordType"
         FROM audit_log WHERE record_id = ANY($1::uuid[]) ORDER BY occurred_at`,
      [rows.map((r) => r.id)],
    );
    await log(db, session, 'export', 'household', id);
    return {
      exportedAt: new Date().toISOString(),
      household: household.data,
      people: of('person'),
      enrolments: of('enrolment'),
      contacts: of('contact'),
      plans: of('plan'),
      planReviews: of('planReview'),
      accessLog,
    };
  });

  const pseudonymKey = async (): Promise<string> => {
    if (opts.pseudonymKey) return opts.pseudonymKey;
    await db.query(
      "INSERT INTO server_settings (key, value) VALUES ('pseudonym_key', $1) ON CONFLICT (key) DO NOTHING",
      [randomBytes(32).toString('base64url')],
    );
    const [row] = await db.query<{ value: string }>(
      "SELECT value FROM server_settings WHERE key = 'pseudonym_key'",
    );
    return row?.value as string;
  };

  app.get('/api/exports/pseudonymised', async (request): Promise<PseudonymisedExport> => {
    const session = await manager(request);
    const parsed = ReportPeriod.safeParse(request.query);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const { from, to } = parsed.data;
    const key = await pseudonymKey();
    const h = fieldsOf('household', 'h');
    // Same id, same pseudonym in every export; without the key it cannot be turned back.
    const alias = (prefix: string, id: string) =>
      `${prefix}-${createHmac('sha256', key).update(id).digest('base64url').slice(0, 12)}`;
    const enrolments = (
      await db.query<{ data: Enrolment; district: string; locality: string }>(
        `SELECT e.data, ${h('district')} AS district, ${h('localityKind')} AS locality
           FROM records e JOIN records h ON h.id = e.household_id
          WHERE e.type = 'enrolment' AND NOT e.deleted AND ${enrolmentRunning('e')}`,
        [from, to],
      )
    ).map(({ data: e, district, locality }) => ({
      enrolment: alias('E', e.id),
      household: alias('H', e.householdId),
      programme: e.programme,
      district,
      localityKind: locality,
      worker: alias('W', e.workerId),
      startDate: e.startDate,
      status: e.status,
      closedOn: e.closedOn,
      closeReason: e.closeReason,
    }));
    const contacts = (
      await db.query<{ data: Contact }>(
        `SELECT c.data FROM records c
          WHERE c.type = 'contact' AND NOT c.deleted
            AND ${contactInPeriod('c')} AND ${notAmended('c')}
          ORDER BY ${fieldsOf('contact', 'c')('at')}`,
        [from, to],
      )
    ).map(({ data: c }) => ({
      household: alias('H', c.householdId),
      date: pragueDate(c.at),
      kind: c.kind,
      minutes: c.minutes,
      enrolments: c.enrolmentIds.map((id) => alias('E', id)),
      participants: c.participantIds.map((id) => alias('P', id)),
      topics: c.topics,
      interventions: c.interventions,
      worker: alias('W', c.workerId),
    }));
    const households = new Set(enrolments.map((e) => e.household));
    const year = Number(to.slice(0, 4));
    const people = (
      await db.query<{ data: Person }>(
        `SELECT data FROM records WHERE type = 'person' AND NOT deleted
            AND household_id IN (SELECT e.household_id FROM records e
                                  WHERE e.type = 'enrolment' AND NOT e.deleted AND ${enrolmentRunning('e')})`,
        [from, to],
      )
    ).map(({ data: p }) => ({
      person: alias('P', p.id),
      household: alias('H', p.householdId),
      ageBand: ageBand(p.birthYear, year),
      relation: p.relation,
    }));
    await log(db, session, 'export', 'pseudonymised');
    return {
      generatedAt: new Date().toISOString(),
      people: people.filter((p) => households.has(p.household)),
      enrolments,
      contacts,
    };
  });
};
