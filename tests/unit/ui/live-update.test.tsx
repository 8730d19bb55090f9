import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, pragueDate } from '../../../src/core';
import { getDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { AgendaPage } from '../../../src/features/agenda/AgendaPage';
import { CaseloadPage } from '../../../src/features/caseload/CaseloadPage';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';
import { aSession, renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const seedOverdue = async () => {
  const session = aSession();
  const h = aHousehold({ label: 'Čekající' });
  const e = anEnrolment(h.id, {
    workerId: session.user.id,
    startDate: addDays(pragueDate(new Date()), -10),
    lease: { flat: 'X 1', start: addDays(pragueDate(new Date()), -10), end: null },
  });
  await getDb().households.put(h);
  await getDb().people.put(aPerson(h.id));
  await getDb().enrolments.put(e);
  return { h, e };
};

describe('status updates live as contacts are logged', () => {
  it('on the caseload', async () => {
    const { h, e } = await seedOverdue();
    renderScreen(<CaseloadPage />);
    const list = await screen.findByTestId('caseload');
    await waitFor(() =>
      expect(within(list).getByTestId('urgency').dataset.urgency).toBe('overdue'),
    );
    await saveWithOutbox(
      getDb(),
      'contact',
      aContact(h.id, e.id, { at: new Date().toISOString() }),
    );
    await waitFor(() => expect(within(list).getByTestId('urgency').dataset.urgency).toBe('met'));
  });

  it('on the agenda', async () => {
    const { h, e } = await seedOverdue();
    renderScreen(<AgendaPage />);
    await waitFor(async () =>
      expect((await screen.findByTestId('agenda-overdue')).textContent).toContain('Čekající'),
    );
    await saveWithOutbox(
      getDb(),
      'contact',
      aContact(h.id, e.id, { at: new Date().toISOString() }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('agenda-overdue').textContent).not.toContain('Čekající'),
    );
    expect(screen.getByText('Všechny kontakty jsou podle pravidel. Dobrá práce.')).toBeTruthy();
  });
});
