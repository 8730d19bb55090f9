import { describe, expect, it } from 'vitest';
import { pseudonymisedTables } from '../../../src/features/privacy/pseudonymised-tables';
import { i18n } from '../../../src/i18n/i18n';

describe('pseudonymisedTables', () => {
  it('writes a sheet each for people, enrolments and contacts, lists joined by spaces', () => {
    const tables = pseudonymisedTables(i18n.t, {
      generatedAt: '2026-11-23T10:00:00.000Z',
      people: [{ person: 'P-a', household: 'H-x', ageBand: '18-25', relation: 'head' }],
      enrolments: [
        {
          enrolment: 'E-1',
          household: 'H-x',
          programme: 'social_housing',
          district: 'poruba',
          localityKind: 'svl',
          worker: 'W-9',
          startDate: '2026-01-05',
          status: 'closed',
          closedOn: '2026-06-30',
          closeReason: 'goals_met',
        },
      ],
      contacts: [
        {
          household: 'H-x',
          date: '2026-02-03',
          kind: 'home_visit',
          minutes: 45,
          enrolments: ['E-1'],
          participants: ['P-a', 'P-b'],
          topics: ['debt', 'housing'],
          interventions: [],
          worker: 'W-9',
        },
      ],
    });
    expect(tables.map((t) => t.title)).toEqual(['Osoby', 'Zařazení', 'Kontakty']);
    expect(tables[2]?.rows).toEqual([
      ['H-x', '2026-02-03', 'home_visit', 45, 'E-1', 'P-a P-b', 'debt housing', '', 'W-9'],
    ]);
    expect(tables[1]?.rows[0]).toContain('goals_met');
  });
});
