import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, pragueDate, pragueToIso } from '../../../src/core';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '../../../src/data/apply-pulled';
import { getDb } from '../../../src/data/db';
import { writeMeta } from '../../../src/data/meta';
import { saveWithOutbox } from '../../../src/data/outbox';
import { ContactFormPage } from '../../../src/features/contact/ContactFormPage';
import { HouseholdPage } from '../../../src/features/household/HouseholdPage';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';
import { renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

describe('HouseholdPage', () => {
  it('says when older visits are still on their way from a first sync, until they are here', async () => {
    const h = aHousehold();
    const e = anEnrolment(h.id);
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'enrolment', e);
    await saveWithOutbox(
      getDb(),
      'contact',
      aContact(h.id, e.id, { at: '2026-10-01T08:00:00.000Z' }),
    );
    await writeMeta(getDb(), HISTORY_KEY, {
      cursor: '0',
      before: '2026-03-02T10:00:00.000Z',
      upTo: '120',
    });
    renderScreen(<HouseholdPage />, {}, { path: '/households/:id', url: `/households/${h.id}` });
    expect((await screen.findByTestId('older-visits-pending')).textContent).toBe(
      'Návštěvy před 2. 3. 2026 se ještě stahují ze serveru.',
    );
    // The last page of the history removes the marker: the note goes.
    await act(() => getDb().meta.delete(HISTORY_KEY));
    await screen.findByTestId('contacts');
    await expect.poll(() => screen.queryByTestId('older-visits-pending')).toBeNull();
  });

  it('calls the household and its members with one tap, and opens the address on a map', async () => {
    const h = aHousehold({ label: 'Vymyšlení', street: 'Hornická 12', phone: '+420 777 123 456' });
    const p = aPerson(h.id, { firstName: 'Bohdana', lastName: 'Vymyšlená', phone: '602 111 222' });
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'person', p);
    renderScreen(<HouseholdPage />, {}, { path: '/households/:id', url: `/households/${h.id}` });
    const call = await screen.findByRole('link', { name: 'Zavolat: Vymyšlení, +420 777 123 456' });
    expect(call.getAttribute('href')).toBe('tel:+420777123456');
    const member = screen.getByRole('link', { name: 'Zavolat: Bohdana Vymyšlená, 602 111 222' });
    expect(member.getAttribute('href')).toBe('tel:602111222');
    const map = screen.getByRole('link', { name: /^Ukázat na mapě: Hornická 12, / });
    expect(map.getAttribute('href')).toMatch(
      /^https:\/\/mapy\.cz\/zakladni\?q=Hornick%C3%A1%2012%2C%20/,
    );
    expect(map.getAttribute('rel')).toBe('noopener noreferrer');
  });

  const today = pragueDate(new Date());
  const open = (householdId: string) =>
    renderScreen(
      <HouseholdPage />,
      {},
      { path: '/households/:id', url: `/households/${householdId}` },
    );

  it('says why a case is late: the rule, how many days, since when, and the lease countdown', async () => {
    const h = aHousehold();
    const start = addDays(today, -30);
    const e = anEnrolment(h.id, {
      startDate: start,
      lease: { flat: 'Hornická 12, byt 3', start, end: addDays(today, 45) },
    });
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'enrolment', e);
    open(h.id);
    const standing = await screen.findByTestId('standing');
    expect(within(standing).getByTestId('urgency').textContent).toBe('Po termínu');
    expect(within(standing).getByTestId('standing-rule').textContent).toBe(
      'alespoň 1× týdně: tento týden 0 z 1',
    );
    const due = within(standing).getByTestId('standing-due').textContent ?? '';
    const [, days, day, month, year] =
      /^(\d+) (?:den|dny|dní) po termínu \(kontakt měl být do (\d+)\. (\d+)\. (\d+)\)$/.exec(due) ??
      [];
    const since = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
    expect(since < today).toBe(true);
    expect(addDays(since, Number(days))).toBe(today);
    expect(within(standing).getByTestId('standing-lease').textContent).toContain(
      'nájem končí za 45 dní',
    );
    expect(within(standing).getByTestId('standing-plan').textContent).toBe(
      `sestavit do ${new Intl.DateTimeFormat('cs-CZ', { dateStyle: 'medium' }).format(new Date(`${addDays(start, 91)}T12:00:00Z`))}`,
    );
  });

  it('shows an average rule with how far it is met, and the legend one tap away', async () => {
    const h = aHousehold();
    // Long past the first three months: about twice a week on average over four weeks.
    const e = anEnrolment(h.id, { startDate: addDays(today, -200) });
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'enrolment', e);
    for (const time of ['08:00', '09:30', '11:00'])
      await saveWithOutbox(
        getDb(),
        'contact',
        aContact(h.id, e.id, { at: pragueToIso(today, time) }),
      );
    open(h.id);
    const rule = await screen.findByTestId('standing-rule');
    expect(rule.textContent).toBe('v průměru 2× týdně za 4 týdny: zatím 3 z 8');
    const legend = screen.getByTestId('urgency-legend');
    expect(legend.hasAttribute('open')).toBe(false);
    await userEvent.click(within(legend).getByText('Co znamenají stavy'));
    expect(legend.hasAttribute('open')).toBe(true);
    expect(
      within(legend).getByText(/^Do konce období zbývají nejvýš 2 dny \(u měsíčního pravidla 7\)/),
    ).toBeTruthy();
  });

  it('shows an anonymised case read-only: no edit, no contact, no correction', async () => {
    const h = aHousehold({ label: 'Anonymizováno', anonymised: true });
    const e = anEnrolment(h.id, {
      status: 'closed',
      closeReason: 'goals_met',
      closedOn: '2010-01-04',
    });
    await saveWithOutbox(getDb(), 'household', h);
    await saveWithOutbox(getDb(), 'enrolment', e);
    await saveWithOutbox(
      getDb(),
      'contact',
      aContact(h.id, e.id, { at: '2009-06-01T08:00:00.000Z' }),
    );
    open(h.id);
    expect((await screen.findByTestId('read-only')).textContent).toMatch(/anonymizován/);
    await screen.findByTestId('contacts');
    for (const name of ['Upravit', 'Opravit', 'Rychle zapsat kontakt', 'Zapsat kontakt'])
      expect(
        screen.queryByRole('link', { name }) ?? screen.queryByRole('button', { name }),
      ).toBeNull();
    expect(screen.queryByText(/Zařadit do programu/)).toBeNull();
  });

  it('does not open a form over an anonymised case', async () => {
    const h = aHousehold({ anonymised: true });
    await saveWithOutbox(getDb(), 'household', h);
    renderScreen(
      <ContactFormPage />,
      {},
      {
        path: '/households/:householdId/contacts/new',
        url: `/households/${h.id}/contacts/new`,
      },
    );
    expect((await screen.findByTestId('read-only')).textContent).toMatch(/nelze jej měnit/);
    expect(screen.queryByRole('button', { name: 'Uložit' })).toBeNull();
  });
});
