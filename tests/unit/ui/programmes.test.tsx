import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/data/db';
import type { CaseloadRow } from '../../../src/data/queries/caseload';
import { saveCatalog } from '../../../src/data/rules';
import { CaseloadItem } from '../../../src/features/caseload/CaseloadItem';
import { aHousehold, anEnrolment } from '../../factories/records';
import { openNewEnrolment, renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const otherCity = {
  districts: [{ code: 'brno-stred', name: 'Brno-střed' }],
  programmes: [
    {
      code: 'housing_first',
      name: 'Housing First',
      housing: true,
      leaseMaxMonths: 3,
      colour: 'blue' as const,
    },
    {
      code: 'social_housing',
      name: 'Sociální bydlení (server)',
      housing: true,
      leaseMaxMonths: null,
      colour: 'teal' as const,
    },
  ],
};

/** The programmes, and what each one is, come from the server. */
describe('programmes from the server', () => {
  it('offers the server\u2019s programmes and holds a lease to the programme\u2019s limit', async () => {
    await saveCatalog(getDb(), otherCity);
    await openNewEnrolment();
    const select = (await screen.findByLabelText('Program')) as HTMLSelectElement;
    await expect
      .poll(() => [...select.options].map((o) => o.textContent))
      .toEqual(['Housing First', 'Sociální bydlení']);
    await userEvent.selectOptions(select, 'housing_first');
    fireEvent.change(screen.getByLabelText('Datum zařazení'), { target: { value: '2026-01-15' } });
    await userEvent.type(screen.getByLabelText('Byt (adresa, číslo bytu)'), 'Cejl 1, byt 2');
    fireEvent.change(screen.getByLabelText('Nájem od'), { target: { value: '2026-01-15' } });
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    // A limited lease needs its end, within the limit.
    expect(await screen.findByText('Vyplňte prosím toto pole.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nájem do'), { target: { value: '2026-05-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    expect(
      await screen.findByText(
        'Nájem v programu Housing First trvá nejvýše 3 měsíce (do 15. 4. 2026).',
      ),
    ).toBeTruthy();
    expect(await getDb().enrolments.count()).toBe(0);
  });

  it('names and colours a programme the way the server describes it', async () => {
    await saveCatalog(getDb(), otherCity);
    const h = aHousehold();
    const e = anEnrolment(h.id, { programme: 'housing_first' });
    const row: CaseloadRow = {
      household: h,
      people: [],
      enrolments: [e],
      evaluations: new Map(),
      urgency: 'none',
      lastContactAt: null,
      nextDate: null,
      signOffDue: [],
    };
    renderScreen(
      <CaseloadItem row={row} districtName={(code) => code} quickContact={() => undefined} />,
    );
    const chip = await screen.findByText('Housing First');
    expect(chip.className).toContain('chip--blue');
  });
});
