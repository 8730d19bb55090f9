import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/data/db';
import { CaseloadPage } from '../../../src/features/caseload/CaseloadPage';
import { aHousehold, anEnrolment, aPerson } from '../../factories/records';
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
