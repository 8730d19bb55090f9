import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/data/db';
import { QuickContactSheet } from '../../../src/widgets/quick-contact/QuickContactSheet';
import { aHousehold, anEnrolment, aPerson } from '../../factories/records';
import { aSession, renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const setup = () => {
  const session = aSession();
  const h = aHousehold({ label: 'Rychlí' });
  const child = aPerson(h.id, { relation: 'child' });
  const head = aPerson(h.id, { relation: 'head' });
  const mine = anEnrolment(h.id, { workerId: session.user.id });
  const theirs = anEnrolment(h.id, { workerId: '00000000-0000-4000-8000-0000000000f0' });
  const onClose = vi.fn();
  renderScreen(
    <QuickContactSheet
      household={h}
      people={[child, head]}
      enrolments={[mine, theirs]}
      onClose={onClose}
    />,
  );
  return { h, head, mine, onClose };
};

describe('QuickContactSheet', () => {
  it('logs a contact with one tap: now, the usual duration, my enrolment, the head of household', async () => {
    const { h, head, mine } = setup();
    const before = Date.now();
    await userEvent.click(screen.getByRole('button', { name: 'Návštěva v domácnosti' }));
    expect(await screen.findByText('Kontakt zapsán: Návštěva v domácnosti, 30 min.')).toBeTruthy();
    const [contact] = await getDb().contacts.toArray();
    expect(contact).toMatchObject({
      householdId: h.id,
      enrolmentIds: [mine.id],
      participantIds: [head.id],
      kind: 'home_visit',
      minutes: 30,
      amends: null,
    });
    expect(Date.parse(contact?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(await getDb().outbox.count()).toBe(1);
  });

  it('adds a note afterwards as a correction', async () => {
    const { onClose } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Nezastižen(a)' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Doplnit poznámku' }));
    await userEvent.type(screen.getByLabelText('Poznámka'), 'Nikdo neotevřel.');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit poznámku' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const contacts = await getDb().contacts.toArray();
    expect(contacts).toHaveLength(2);
    const [first, second] = contacts.sort((a, b) => (a.amends ? 1 : 0) - (b.amends ? 1 : 0));
    expect(first).toMatchObject({ kind: 'failed_attempt', participantIds: [], note: '' });
    expect(second).toMatchObject({ amends: first?.id, note: 'Nikdo neotevřel.' });
  });
});

describe('QuickContactSheet keeps a typed note', () => {
  it('saves it when the sheet is closed instead of throwing it away', async () => {
    const { onClose } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Telefonicky' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Doplnit poznámku' }));
    await userEvent.type(screen.getByLabelText('Poznámka'), 'Volat zítra.');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const notes = (await getDb().contacts.toArray()).map((c) => c.note);
    expect(notes).toContain('Volat zítra.');
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('brings it back after a reload', async () => {
    const first = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Telefonicky' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Doplnit poznámku' }));
    await userEvent.type(screen.getByLabelText('Poznámka'), 'Rozepsáno');
    cleanup();
    renderScreen(
      <QuickContactSheet
        household={first.h}
        people={[]}
        enrolments={[first.mine]}
        onClose={vi.fn()}
      />,
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Poznámka')).toHaveProperty('value', 'Rozepsáno'),
    );
  });
});
