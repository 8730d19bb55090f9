import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/data/db';
import { ContactFormPage } from '../../../src/features/contact/ContactFormPage';
import { HouseholdFormPage } from '../../../src/features/household/HouseholdFormPage';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';
import { aSession, openNewEnrolment, renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const session = aSession();

describe('household form', () => {
  const renderNew = () =>
    renderScreen(<HouseholdFormPage />, {}, { path: '/households/new', url: '/households/new' });

  it('explains missing fields in Czech and saves nothing', async () => {
    renderNew();
    await userEvent.click(await screen.findByRole('button', { name: 'Uložit' }));
    expect((await screen.findAllByText('Vyplňte prosím toto pole.')).length).toBe(3);
    expect(screen.getByText('Opravte prosím označená pole.')).toBeTruthy();
    expect(await getDb().households.count()).toBe(0);
    expect(await getDb().outbox.count()).toBe(0);
  });

  it('rejects an impossible birth year and a malformed phone', async () => {
    renderNew();
    await userEvent.type(await screen.findByLabelText('Rok narození'), '1850');
    await userEvent.type(screen.getByLabelText('Telefon domácnosti'), 'volat večer');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    expect(await screen.findByText('Nejmenší možná hodnota je 1900.')).toBeTruthy();
    expect(screen.getByText('Zadejte telefon, např. +420 777 123 456.')).toBeTruthy();
  });

  it('saves the household and its members with their outbox entries, then asks for an enrolment', async () => {
    renderNew();
    await userEvent.type(await screen.findByLabelText('Označení domácnosti'), 'Vymyšlení');
    await userEvent.type(screen.getByLabelText('Jméno'), 'Bohdana');
    await userEvent.type(screen.getByLabelText('Příjmení'), 'Vymyšlená');
    await userEvent.click(screen.getByRole('button', { name: /Přidat člena/ }));
    const second = screen.getAllByTestId('member')[1] as HTMLElement;
    await userEvent.type(within(second).getByLabelText('Jméno'), 'Ctibor');
    await userEvent.type(within(second).getByLabelText('Příjmení'), 'Vymyšlený');
    await userEvent.type(within(second).getByLabelText('Rok narození'), '2015');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));

    const where = await screen.findByTestId('location');
    const [household] = await getDb().households.toArray();
    expect(where.textContent).toBe(`/households/${household?.id}/enrolments/new`);
    expect(household).toMatchObject({ label: 'Vymyšlení', teamId: session.user.teamId });
    const people = await getDb().people.toArray();
    expect(people.map((p) => [p.firstName, p.relation, p.birthYear])).toEqual([
      ['Bohdana', 'head', null],
      ['Ctibor', 'child', 2015],
    ]);
    expect((await getDb().outbox.toArray()).map((e) => e.recordType)).toEqual([
      'household',
      'person',
      'person',
    ]);
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('keeps what was typed when the page is left and restores it', async () => {
    const first = renderNew();
    await userEvent.type(await screen.findByLabelText('Označení domácnosti'), 'Rozepsaní');
    first.unmount();
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(1));
    renderNew();
    expect(await screen.findByText('Obnoveno, co jste minule rozepsali.')).toBeTruthy();
    expect(screen.getByLabelText('Označení domácnosti')).toHaveProperty('value', 'Rozepsaní');
    await userEvent.click(screen.getByRole('button', { name: 'Zahodit rozepsané' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Označení domácnosti')).toHaveProperty('value', ''),
    );
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('asks before "Zrušit" throws typing away, and then removes its draft', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    renderNew();
    const label = await screen.findByLabelText('Označení domácnosti');
    await userEvent.type(label, 'Omylem');
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(1));
    await userEvent.click(screen.getByRole('button', { name: 'Zrušit' }));
    expect(confirm).toHaveBeenCalledWith('Zahodit, co jste v tomto formuláři napsali, a odejít?');
    // Said no: the typing stays, and so does its draft.
    expect(label).toHaveProperty('value', 'Omylem');
    expect(await getDb().drafts.count()).toBe(1);
    confirm.mockReturnValueOnce(true);
    await userEvent.click(screen.getByRole('button', { name: 'Zrušit' }));
    await waitFor(async () => expect(await getDb().drafts.count()).toBe(0));
    confirm.mockRestore();
  });

  it('leaves an untouched form on "Zrušit" without asking', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    renderNew();
    await userEvent.click(await screen.findByRole('button', { name: 'Zrušit' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(await getDb().drafts.count()).toBe(0);
    confirm.mockRestore();
  });

  it('marks a removed member deleted instead of forgetting them', async () => {
    const h = aHousehold({ label: 'Dva' });
    const a = aPerson(h.id, { firstName: 'První' });
    const b = aPerson(h.id, { firstName: 'Druhý', relation: 'child' });
    await getDb().households.put(h);
    await getDb().people.bulkPut([a, b]);
    renderScreen(
      <HouseholdFormPage />,
      {},
      { path: '/households/:id/edit', url: `/households/${h.id}/edit` },
    );
    const members = await screen.findAllByTestId('member');
    await userEvent.click(
      within(members[1] as HTMLElement).getByRole('button', { name: 'Odebrat člena' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    await screen.findByTestId('location');
    expect((await getDb().people.get(b.id))?.deleted).toBe(true);
    expect((await getDb().people.get(a.id))?.deleted).toBe(false);
    // The unchanged member is not sent again.
    expect((await getDb().outbox.toArray()).map((e) => e.recordId).sort()).toEqual(
      [h.id, b.id].sort(),
    );
  });
});

describe('enrolment form', () => {
  it('holds a crisis lease to 6 months', async () => {
    await openNewEnrolment();
    await userEvent.selectOptions(await screen.findByLabelText('Program'), 'crisis_housing');
    fireEvent.change(screen.getByLabelText('Datum zařazení'), { target: { value: '2026-01-15' } });
    await userEvent.type(screen.getByLabelText('Byt (adresa, číslo bytu)'), 'Krizová 1, byt 4');
    fireEvent.change(screen.getByLabelText('Nájem od'), { target: { value: '2026-01-15' } });
    fireEvent.change(screen.getByLabelText('Nájem do'), { target: { value: '2026-09-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    expect(
      await screen.findByText(
        'Nájem v programu Krizové bydlení trvá nejvýše 6 měsíců (do 15. 7. 2026).',
      ),
    ).toBeTruthy();
    expect(await getDb().enrolments.count()).toBe(0);

    fireEvent.change(screen.getByLabelText('Nájem do'), { target: { value: '2026-07-15' } });
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    await screen.findByTestId('location');
    const [e] = await getDb().enrolments.toArray();
    expect(e).toMatchObject({
      programme: 'crisis_housing',
      workerId: session.user.id,
      lease: { flat: 'Krizová 1, byt 4', start: '2026-01-15', end: '2026-07-15' },
      consent: { given: true, legalBasis: 'consent' },
    });
  });
});

describe('contact form', () => {
  const seed = async () => {
    const h = aHousehold();
    const head = aPerson(h.id);
    const e1 = anEnrolment(h.id, { workerId: session.user.id, programme: 'social_housing' });
    const e2 = anEnrolment(h.id, { workerId: session.user.id, programme: 'family_prevention' });
    await getDb().households.put(h);
    await getDb().people.put(head);
    await getDb().enrolments.bulkPut([e1, e2]);
    return { h, head, e1, e2 };
  };

  it('splits the minutes of a visit across the enrolments it served', async () => {
    const { h } = await seed();
    renderScreen(
      <ContactFormPage />,
      {},
      { path: '/households/:householdId/contacts/new', url: `/households/${h.id}/contacts/new` },
    );
    const minutes = await screen.findByLabelText('Délka (minuty)');
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '45');
    // 45 minutes over two enrolments: 23 + 22, the extra minute going by enrolment id.
    const split = screen.getByText(/^Rozdělení času:/).textContent ?? '';
    expect(split).toMatch(/Prevence ohrožení rodiny (22|23) min/);
    expect(split).toMatch(/Sociální bydlení (22|23) min/);
    expect(
      split
        .match(/\d+(?= min)/g)
        ?.map(Number)
        .reduce((a, b) => a + b),
    ).toBe(45);
  });

  it('needs at least one programme', async () => {
    const { h } = await seed();
    renderScreen(
      <ContactFormPage />,
      {},
      { path: '/households/:householdId/contacts/new', url: `/households/${h.id}/contacts/new` },
    );
    const group = await screen.findByTestId('contact-enrolments');
    for (const box of within(group).getAllByRole('checkbox')) await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    expect(await screen.findByText('Vyberte alespoň 1 možnost.')).toBeTruthy();
    expect(await getDb().contacts.count()).toBe(0);
  });

  it('asks before it saves a contact dated in the future, and saves it only when meant', async () => {
    const { h } = await seed();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    renderScreen(
      <ContactFormPage />,
      {},
      { path: '/households/:householdId/contacts/new', url: `/households/${h.id}/contacts/new` },
    );
    const date = await screen.findByLabelText('Datum');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(date, { target: { value: tomorrow } });
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(String(confirm.mock.calls[0]?.[0])).toMatch(/^Kontakt je zapsán do budoucnosti \(/);
    expect(await getDb().contacts.count()).toBe(0);
    confirm.mockReturnValueOnce(true);
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    await screen.findByTestId('location');
    expect(await getDb().contacts.count()).toBe(1);
    confirm.mockRestore();
  });

  it('saves a contact of today without asking', async () => {
    const { h } = await seed();
    const confirm = vi.spyOn(window, 'confirm');
    renderScreen(
      <ContactFormPage />,
      {},
      { path: '/households/:householdId/contacts/new', url: `/households/${h.id}/contacts/new` },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Uložit' }));
    await screen.findByTestId('location');
    expect(confirm).not.toHaveBeenCalled();
    expect(await getDb().contacts.count()).toBe(1);
    confirm.mockRestore();
  });

  it('corrects a contact by adding a new version and keeping the original', async () => {
    const { h, e1 } = await seed();
    const original = aContact(h.id, e1.id, { minutes: 30, note: 'Původní' });
    await getDb().contacts.put(original);
    renderScreen(
      <ContactFormPage />,
      {},
      {
        path: '/households/:householdId/contacts/:contactId/amend',
        url: `/households/${h.id}/contacts/${original.id}/amend`,
      },
    );
    expect(await screen.findByText('Původní záznam zůstane v historii.')).toBeTruthy();
    const note = screen.getByLabelText('Poznámka');
    await userEvent.clear(note);
    await userEvent.type(note, 'Opravená poznámka');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    await screen.findByTestId('location');
    const all = await getDb().contacts.toArray();
    expect(all).toHaveLength(2);
    expect(await getDb().contacts.get(original.id)).toEqual(original);
    const amended = all.find((c) => c.id !== original.id);
    expect(amended).toMatchObject({
      amends: original.id,
      note: 'Opravená poznámka',
      at: original.at,
      minutes: 30,
    });
  });
});
