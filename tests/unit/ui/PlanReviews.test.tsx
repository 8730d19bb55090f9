import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/data/db';
import { PlanPage } from '../../../src/features/plan/PlanPage';
import { aHousehold, anEnrolment, aPlan } from '../../factories/records';
import { aSession, renderScreen, resetAppDb } from './render';

const household = aHousehold({ label: 'Dvořákovi' });
const enrolment = anEnrolment(household.id, { workerId: '00000000-0000-4000-8000-0000000000a1' });
const plan = aPlan(enrolment);
const route = { path: '/enrolments/:id/plan', url: `/enrolments/${enrolment.id}/plan` };

beforeEach(async () => {
  const db = getDb();
  await db.households.put(household);
  await db.enrolments.put(enrolment);
  await db.plans.put(plan);
});
afterEach(resetAppDb);

describe('plan comments and sign-off', () => {
  it('lets a supervisor comment and sign off the current revision, offline, with an outbox entry', async () => {
    const session = aSession({ id: '00000000-0000-4000-8000-0000000000b1', role: 'supervisor' });
    renderScreen(<PlanPage />, { session }, route);
    expect(await screen.findByText('Čeká na schválení vedoucím')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Komentář'), 'Dobře nastavené kroky.');
    await userEvent.click(screen.getByRole('button', { name: 'Schválit revizi' }));
    expect(await screen.findByText('Schváleno')).toBeTruthy();
    expect(screen.getByText('Dobře nastavené kroky.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Schválit revizi' })).toBeNull();
    expect((screen.getByLabelText('Komentář') as HTMLTextAreaElement).value).toBe('');
    const outbox = await getDb().outbox.toArray();
    expect(outbox.map((e) => e.recordType)).toEqual(['planReview']);
    const [stored] = await getDb().planReviews.toArray();
    expect(stored).toMatchObject({ planId: plan.id, signedOff: true, authorId: session.user.id });
  });

  it('lets a worker comment but not sign off, and refuses an empty comment', async () => {
    renderScreen(<PlanPage />, { session: aSession() }, route);
    await screen.findByText('Čeká na schválení vedoucím');
    expect(screen.queryByRole('button', { name: 'Schválit revizi' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Přidat komentář' }));
    expect(await screen.findByText('Napište komentář.')).toBeTruthy();
    expect(await getDb().planReviews.count()).toBe(0);
    await userEvent.type(screen.getByLabelText('Komentář'), 'Klient žádá o změnu termínu.');
    await userEvent.click(screen.getByRole('button', { name: 'Přidat komentář' }));
    expect(await screen.findByText('Klient žádá o změnu termínu.')).toBeTruthy();
    const [stored] = await getDb().planReviews.toArray();
    expect(stored?.signedOff).toBe(false);
  });
});
