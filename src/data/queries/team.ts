import { addDays, evaluatePeriods, groupBy, ruleFor, weekStart } from '../../core';
import type { TerenDb } from '../db';
import { loadRules } from '../rules';
import { ENROLMENTS } from '../read-model/held-tables';
import { heldTable } from '../read-model/read-model';
import { openEnrolments } from './enrolment-rows';
import { contactFactsSince } from './recent-facts';
import type { CaseloadRow } from './caseload';
import { needs } from './caseload-filter';

export type WorkerSummary = {
  workerId: string;
  households: number;
  overdue: number;
  atRisk: number;
  plansLate: number;
  /** Current plan revisions waiting for the supervisor's sign-off. */
  toSignOff: number;
  leasesEnding: number;
};

/**
 * The supervisor's overview, from the team's caseload on the device (works offline): per
 * worker, the open cases and what needs attention. A household with enrolments of two
 * workers counts for each.
 */
export const summariseTeam = (rows: readonly CaseloadRow[]): WorkerSummary[] => {
  const byWorker = new Map<string, WorkerSummary>();
  for (const row of rows) {
    for (const e of row.enrolments) {
      const s = byWorker.get(e.workerId) ?? {
        workerId: e.workerId,
        households: 0,
        overdue: 0,
        atRisk: 0,
        plansLate: 0,
        toSignOff: 0,
        leasesEnding: 0,
      };
      const ev = row.evaluations.get(e.id);
      s.households += 1;
      if (ev?.urgency === 'overdue') s.overdue += 1;
      if (ev?.urgency === 'at_risk') s.atRisk += 1;
      const signOff = row.signOffDue.includes(e.id);
      if (needs('plan_late', ev, signOff)) s.plansLate += 1;
      if (needs('lease_ending', ev, signOff)) s.leasesEnding += 1;
      if (needs('sign_off', ev, signOff)) s.toSignOff += 1;
      byWorker.set(e.workerId, s);
    }
  }
  return [...byWorker.values()].sort(
    (a, b) => b.overdue - a.overdue || b.households - a.households,
  );
};

export type ComplianceCell = { met: number; total: number };
export type ComplianceGrid = {
  weeks: string[];
  rows: { workerId: string; cells: ComplianceCell[] }[];
};

/**
 * Rule compliance per worker and ISO week: of the contact-rule periods that ended in that
 * week (and required something), how many were met. Pure over what the caller loaded.
 */
export const complianceGrid = (
  items: readonly {
    workerId: string;
    periods: readonly { end: string; required: number; complete: boolean; status: string }[];
  }[],
  weeks: readonly string[],
): ComplianceGrid => {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const byWorker = new Map<string, ComplianceCell[]>();
  for (const item of items) {
    const cells = byWorker.get(item.workerId) ?? weeks.map(() => ({ met: 0, total: 0 }));
    for (const p of item.periods) {
      if (!p.complete || p.required === 0) continue;
      const i = index.get(weekStart(addDays(p.end, -1)));
      const cell = i === undefined ? undefined : cells[i];
      if (!cell) continue;
      cell.total += 1;
      if (p.status === 'met') cell.met += 1;
    }
    byWorker.set(item.workerId, cells);
  }
  return {
    weeks: [...weeks],
    rows: [...byWorker].map(([workerId, cells]) => ({ workerId, cells })),
  };
};

/** The last `count` ISO weeks before the current one, oldest first (Mondays). */
export const pastWeeks = (today: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => addDays(weekStart(today), -7 * (count - i)));

export const loadCompliance = async (
  db: TerenDb,
  today: string,
  weeks = 8,
): Promise<ComplianceGrid> => {
  const list = pastWeeks(today, weeks);
  const from = list[0] ?? today;
  const enrolments = await openEnrolments(
    (await heldTable(db, ENROLMENTS)).all(),
    (e) => !e.deleted && e.status !== 'closed',
  );
  const since = `${addDays(from, -35)}T00:00:00.000Z`;
  const contacts = await contactFactsSince(db, since);
  const byHousehold = groupBy(contacts, (c) => c.householdId);
  const rules = await loadRules(db);
  return complianceGrid(
    enrolments.map((e) => ({
      workerId: e.workerId,
      periods: evaluatePeriods(
        e,
        byHousehold.get(e.householdId) ?? [],
        ruleFor(rules, e.programme),
        today,
        addDays(from, -35),
      ),
    })),
    list,
  );
};
