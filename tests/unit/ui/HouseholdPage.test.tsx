import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '../../../src/data/apply-pulled';
import { getDb } from '../../../src/data/db';
import { writeMeta } from '../../../src/data/meta';
import { saveWithOutbox } from '../../../src/data/outbox';
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
});
