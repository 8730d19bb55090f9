import type { CaseloadRow } from './caseload';

export type WorkerSummary = {
  workerId: string;
  households: number;
  overdue: number;
  atRisk: number;
  plansLate: number;
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
        leasesEnding: 0,
      };
      const ev = row.evaluations.get(e.id);
      s.households += 1;
      if (ev?.urgency === 'overdue') s.overdue += 1;
      if (ev?.urgency === 'at_risk') s.atRisk += 1;
      if (ev?.plan.status === 'overdue' || ev?.plan.status === 'review_due') s.plansLate += 1;
      if (ev?.lease?.warning) s.leasesEnding += 1;
      byWorker.set(e.workerId, s);
    }
  }
  return [...byWorker.values()].sort(
    (a, b) => b.overdue - a.overdue || b.households - a.households,
  );
};
