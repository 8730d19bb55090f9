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
  return { h, head, child, mine, onClose };
};

describe('QuickContactSheet', () => {
  it('logs a contact with one tap: now, the usual duration, my enrolment, the head of household', async () => {
    const { h, head, mine } = setup();
    const before = Date.now();
    await userEvent.click(screen.getByRole('button', { name: 'Návštěva v domácnosti' }));
    expect((await screen.findByTestId('quick-saved')).textContent).toBe(
      `Kontakt zapsán: Návštěva v domácnosti, 30 min. Přítomni: ${head.firstName}.`,
    );
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

  it('marks who was present with one tap each and says how the minutes split', async () => {
    const { head, child: member, mine } = setup();
    const child = screen.getByRole('button', { pressed: false });
    expect(child.textContent).toContain(member.firstName);
    expect(screen.getByRole('button', { pressed: true }).textContent).toContain(head.firstName);
    await userEvent.click(child);
    expect(child.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Návštěva v domácnosti' }));
    expect((await screen.findByTestId('quick-saved')).textContent).toContain(
      '2 osoby, 15 min na osobu',
    );
    const [contact] = await getDb().contacts.toArray();
    expect(new Set(contact?.participantIds)).toEqual(new Set([head.id, member.id]));
    expect(contact?.enrolmentIds).toEqual([mine.id]);
  });

  it('takes a contact back with one tap: a deleted correction, kept in the history', async () => {
    const { onClose } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Telefonicky' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Vrátit zpět' }));
    expect(await screen.findByText('Kontakt byl vrácen zpět.')).toBeTruthy();
    const contacts = await getDb().contacts.toArray();
    expect(contacts).toHaveLength(2);
    const original = contacts.find((c) => !c.amends);
    expect(contacts.find((c) => c.amends)).toMatchObject({ amends: original?.id, deleted: true });
    expect(await getDb().outbox.count()).toBe(2);
    // The kinds are offered again, and the close button closes.
    expect(screen.getByRole('button', { name: 'Telefonicky' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Zavřít' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
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
