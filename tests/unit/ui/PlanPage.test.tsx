import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { newId, type Plan } from '../../../src/core';
import { getDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { PlanPage } from '../../../src/features/plan/PlanPage';
import { aHousehold, anEnrolment, aPerson, aPlan } from '../../factories/records';
import { renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const step = (id: string, what: string, done = false) => ({ id, what, who: '', due: null, done });

const setup = async () => {
  const h = aHousehold();
  const child = aPerson(h.id, { firstName: 'Ema', lastName: 'Vymyšlená', relation: 'child' });
  const e = anEnrolment(h.id);
  const plan = aPlan(e, {
    personId: child.id,
    goals: [
      {
        id: '00000000-0000-4000-8000-00000000f001',
        area: 'education',
        text: 'Chodit do školy',
        steps: [
          step('00000000-0000-4000-8000-00000000f011', 'Zapsat do školy'),
          step('00000000-0000-4000-8000-00000000f012', 'Koupit pomůcky'),
        ],
      },
    ],
  });
  for (const [type, record] of [
    ['household', h],
    ['person', child],
    ['enrolment', e],
    ['plan', plan],
  ] as const)
    await saveWithOutbox(getDb(), type, record);
  renderScreen(<PlanPage />, {}, { path: '/enrolments/:id/plan', url: `/enrolments/${e.id}/plan` });
  return { plan };
};

describe('PlanPage', () => {
  it('says whom the plan is for, and ticks a step as a new revision that says what changed', async () => {
    const { plan } = await setup();
    expect((await screen.findByTestId('plan-for')).textContent).toMatch(/^Plán pro: Ema Vymyšlená/);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Splněno: Zapsat do školy' }));
    await screen.findByTestId('plan-changes');
    const plans = (await getDb().plans.toArray()) as Plan[];
    const next = plans.find((p) => p.revision === 2);
    expect(next).toMatchObject({ basedOn: plan.id, personId: plan.personId });
    expect(next?.goals[0]?.steps.map((s) => s.done)).toEqual([true, false]);
    const changes = await screen.findByTestId('plan-changes');
    expect(within(changes).getByText('Co se změnilo oproti revizi 1')).toBeTruthy();
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['splněno: Zapsat do školy']);
    expect(
      (screen.getByRole('checkbox', { name: 'Splněno: Zapsat do školy' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('shows a forked plan’s versions side by side and keeps the one chosen as a new revision', async () => {
    const { plan } = await setup();
    const fork = (text: string) => ({
      ...plan,
      id: newId(),
      revision: 2,
      basedOn: plan.id,
      goals: [{ ...(plan.goals[0] as Plan['goals'][number]), text }],
    });
    const [a, b] = [fork('Chodit do školy každý den'), fork('Chodit do školy a na kroužek')];
    await saveWithOutbox(getDb(), 'plan', a);
    await saveWithOutbox(getDb(), 'plan', b);
    const compare = await screen.findByTestId('plan-fork');
    const versions = within(compare).getAllByTestId('plan-version');
    expect(versions).toHaveLength(2);
    const second = versions[1] as HTMLElement;
    const keptText =
      within(second).getByRole('heading', { level: 3, name: /Chodit do školy/ }).textContent ?? '';
    await userEvent.click(within(compare).getByRole('button', { name: 'Ponechat verzi 2' }));
    await expect.poll(() => screen.queryByTestId('plan-fork')).toBeNull();
    const plans = (await getDb().plans.toArray()) as Plan[];
    const kept = plans.find((p) => p.revision === 3);
    const chosen = [a, b].find((p) => keptText.includes(p.goals[0]?.text ?? '-')) as Plan;
    expect(kept).toMatchObject({
      basedOn: chosen.id,
      goals: chosen.goals,
      personId: plan.personId,
    });
  });
});
