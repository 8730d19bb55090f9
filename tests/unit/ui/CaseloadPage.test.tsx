import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import { getDb } from '../../../src/data/db';
import { CaseloadPage } from '../../../src/features/caseload/CaseloadPage';
import type { Enrolment } from '../../../src/core';
import { aHousehold, anEnrolment, aPerson, aPlan, aPlanReview } from '../../factories/records';
import { aSession, renderScreen, resetAppDb } from './render';

const worker = '00000000-0000-4000-8000-0000000000a1';

beforeEach(async () => {
  const db = getDb();
  const a = aHousehold({ label: 'Dvořákovi', district: 'vitkovice' });
  const b = aHousehold({ label: 'Černí', localityKind: 'hostel', localityName: 'Ubytovna U Lesa' });
  const c = aHousehold({ label: 'Cizí domácnost' });
  await db.households.bulkPut([a, b, c]);
  await db.people.bulkPut([
    aPerson(a.id, { firstName: 'Řehoř', lastName: 'Dvořák' }),
    aPerson(b.id, { lastName: 'Černá' }),
  ]);
  await db.enrolments.bulkPut([
    anEnrolment(a.id, { workerId: worker, programme: 'crisis_housing' }),
    anEnrolment(b.id, { workerId: worker }),
    anEnrolment(c.id, { workerId: '00000000-0000-4000-8000-0000000000a9' }),
  ]);
});
afterEach(resetAppDb);

describe('CaseloadPage', () => {
  it("shows a worker's households with programme and locality", async () => {
    renderScreen(<CaseloadPage />);
    const list = await screen.findByTestId('caseload');
    expect(within(list).getAllByRole('link')).toHaveLength(2);
    expect(within(list).getByText('Krizové bydlení')).toBeTruthy();
    expect(within(list).getByText(/Ubytovna U Lesa/)).toBeTruthy();
    expect(screen.getByText('2 domácnosti')).toBeTruthy();
    expect(screen.queryByText('Cizí domácnost')).toBeNull();
  });

  it('shows the whole team to a supervisor', async () => {
    renderScreen(<CaseloadPage />, { session: aSession({ role: 'supervisor' }) });
    expect(await screen.findByText('Cizí domácnost')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Klienti týmu' })).toBeTruthy();
  });

  it('filters by locality kind and programme, and remembers the filters on the next visit', async () => {
    localStorage.clear();
    const first = renderScreen(<CaseloadPage />);
    await screen.findByTestId('caseload');
    await userEvent.click(screen.getByRole('button', { name: 'Filtry' }));
    await userEvent.selectOptions(await screen.findByLabelText('Typ lokality'), 'hostel');
    const list = () => within(screen.getByTestId('caseload'));
    expect(
      list()
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([expect.stringContaining('Černí')]);
    await userEvent.selectOptions(screen.getByLabelText('Program'), 'crisis_housing');
    expect(await screen.findByText('Filtrům neodpovídá žádná domácnost.')).toBeTruthy();
    first.unmount();

    renderScreen(<CaseloadPage />);
    expect((await screen.findByTestId('filter-count')).textContent).toBe('2');
    expect(((await screen.findByLabelText('Program')) as HTMLSelectElement).value).toBe(
      'crisis_housing',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Zrušit filtry' }));
    expect(await screen.findByTestId('caseload')).toBeTruthy();
    expect(list().getAllByRole('link')).toHaveLength(2);
    localStorage.clear();
  });

  it('opens the cases behind a number of the team overview, and says who holds each', async () => {
    localStorage.clear();
    const session = {
      ...aSession({ id: '00000000-0000-4000-8000-0000000000b1', role: 'supervisor' }),
      team: [
        { id: worker, name: 'Tereza Terénní', role: 'worker' as const },
        {
          id: '00000000-0000-4000-8000-0000000000a9',
          name: 'Marek Terénní',
          role: 'worker' as const,
        },
      ],
    };
    renderScreen(<CaseloadPage />, { session });
    const overview = await screen.findByTestId('team-overview');
    const list = () => within(screen.getByTestId('caseload'));
    expect(
      list()
        .getAllByTestId('held-by')
        .map((e) => e.textContent)
        .sort(),
    ).toEqual(['vede Marek Terénní', 'vede Tereza Terénní', 'vede Tereza Terénní']);
    // Enrolled in January without a contact since: every case is overdue.
    await userEvent.click(
      within(overview).getByRole('button', { name: 'Tereza Terénní, Po termínu: 2' }),
    );
    await expect.poll(() => list().getAllByRole('link').length).toBe(2);
    expect(list().queryByText('Cizí domácnost')).toBeNull();
    expect(((await screen.findByLabelText('Pracovník')) as HTMLSelectElement).value).toBe(worker);
    expect((screen.getByLabelText('Stav') as HTMLSelectElement).value).toBe('overdue');
    localStorage.clear();
  });

  it('filters by a name typed without diacritics', async () => {
    renderScreen(<CaseloadPage />);
    await screen.findByTestId('caseload');
    await userEvent.type(screen.getByRole('searchbox'), 'rehor dvorak');
    expect(await screen.findByText('1 domácnost')).toBeTruthy();
    expect(screen.getByText('Dvořákovi')).toBeTruthy();
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'nikdo takovy');
    expect(await screen.findByText('Nic neodpovídá hledání „nikdo takovy“.')).toBeTruthy();
  });
});

describe('CaseloadPage for a supervisor', () => {
  it('opens with the team overview: cases and what is late, per worker, offline from local data', async () => {
    const session = aSession({ role: 'supervisor' });
    session.team = [
      { id: worker, name: 'Pracovnice Jedna', role: 'worker' },
      { id: '00000000-0000-4000-8000-0000000000a9', name: 'Pracovník Dva', role: 'worker' },
    ];
    // One plan waits for a sign-off; the other worker's plan has one.
    const enrolments = await getDb().enrolments.toArray();
    const mine = enrolments.find((e) => e.workerId === worker) as Enrolment;
    const theirs = enrolments.find((e) => e.workerId !== worker) as Enrolment;
    const signed = aPlan(theirs, { reviewDate: '2099-01-01' });
    // Stored as the sync stores them, so the households' digests know the plans too.
    await applyPulledPage(
      getDb(),
      [aPlan(mine, { reviewDate: '2099-01-01' }), signed].map((record) => ({
        type: 'plan' as const,
        record,
      })),
      null,
    );
    await getDb().planReviews.put(aPlanReview(signed, session.user.id, { signedOff: true }));
    renderScreen(<CaseloadPage />, { session });
    const table = await screen.findByTestId('team-overview');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent));
    // Enrolled in January with no contact since: every case overdue, every plan not drawn up
    // late; of the two plans drawn up, one waits for the supervisor.
    expect(rows.slice(1)).toEqual([
      ['Pracovnice Jedna', '2', '2', '0', '1', '1', '0'],
      ['Pracovník Dva', '1', '1', '0', '0', '0', '0'],
    ]);
    // No contacts at all: every week that had a requirement shows 0 %.
    const heat = await screen.findByTestId('heatmap');
    const cells = within(heat)
      .getAllByRole('cell')
      .filter((c) => c.className.includes('heat--'));
    expect(cells.length).toBe(16);
    expect(new Set(cells.map((c) => c.textContent))).toEqual(new Set(['0 %']));
  });
});
