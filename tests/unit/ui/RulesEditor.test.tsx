import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES, type ContactRule } from '../../../src/core';
import { RulesEditor } from '../../../src/features/admin/RulesEditor';
import { createApiClient } from '../../../src/sync/api-client';
import { renderScreen } from './render';

const rules = Object.values(DEFAULT_RULES);

const withServer = () => {
  const saved: ContactRule[] = [];
  const api = createApiClient('http://server.invalid', async (_url, init) => {
    saved.push(JSON.parse(String(init?.body)) as ContactRule);
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  });
  return { api, saved };
};

describe('RulesEditor', () => {
  it('describes each programme\u2019s rule in plain Czech', () => {
    renderScreen(<RulesEditor rules={rules} onSaved={async () => undefined} />);
    expect(screen.getByTestId('rule-social_housing').textContent).toContain(
      'dny 0–91: alespoň 1× týdně; od dne 91: v průměru 2× týdně za 4 týdny; plán do 91 dní; upozornit 60 dní před koncem nájmu',
    );
    expect(screen.getByTestId('rule-field_work').textContent).toContain(
      'od dne 0: alespoň 1× měsíčně; plán se nevyžaduje',
    );
  });

  it('saves an edited rule through the server', async () => {
    const { api, saved } = withServer();
    const onSaved = vi.fn(async () => undefined);
    renderScreen(<RulesEditor rules={rules} onSaved={onSaved} />, { api });
    const row = screen.getByTestId('rule-field_work');
    await userEvent.click(within(row).getByRole('button', { name: 'Upravit' }));
    await userEvent.selectOptions(within(row).getByLabelText('Období'), 'iso_week');
    await userEvent.click(within(row).getByRole('button', { name: 'Uložit' }));
    expect(saved).toEqual([
      {
        ...DEFAULT_RULES.field_work,
        phases: [
          {
            fromDay: 0,
            toDay: null,
            requirement: { kind: 'min_per_period', period: 'iso_week', min: 1 },
          },
        ],
      },
    ]);
    expect(onSaved).toHaveBeenCalled();
    expect(await screen.findByText('Pravidlo uloženo.')).toBeTruthy();
  });

  it('refuses phases that do not follow on, in words, without calling the server', async () => {
    const { api, saved } = withServer();
    renderScreen(<RulesEditor rules={rules} onSaved={async () => undefined} />, { api });
    const row = screen.getByTestId('rule-social_housing');
    await userEvent.click(within(row).getByRole('button', { name: 'Upravit' }));
    const [first] = within(row).getAllByTestId('rule-phase');
    await userEvent.clear(
      within(first as HTMLElement).getByLabelText('Do dne (prázdné = bez konce)'),
    );
    await userEvent.click(within(row).getByRole('button', { name: 'Uložit' }));
    expect(await within(row).findByRole('alert')).toHaveProperty(
      'textContent',
      'Pravidlo není platné: fáze musí navazovat a poslední musí být bez konce.',
    );
    expect(saved).toEqual([]);
  });
});
