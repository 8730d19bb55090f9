import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../../src/core';
import { ReportsPage } from '../../../src/features/reports/ReportsPage';
import { toCsv } from '../../../src/features/reports/csv';
import { createApiClient } from '../../../src/sync/api-client';
import { aSession, renderScreen } from './render';

describe('ReportsPage', () => {
  it('asks the server for the chosen breakdown and shows it in Czech, hours from minutes', async () => {
    const asked: string[] = [];
    const rows: IndicatorRow[] = [
      { programme: 'social_housing', people: 12, contacts: 40, minutes: 1530 },
      { programme: 'field_work', people: 3, contacts: 5, minutes: 90 },
    ];
    const api = createApiClient('http://server.invalid', async (url) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ rows }), { status: 200 });
    });
    renderScreen(<ReportsPage />, { api, session: aSession({ role: 'manager' }) });
    await userEvent.selectOptions(screen.getByLabelText('Rozdělit podle'), 'programme');
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    const table = await screen.findByTestId('report');
    expect(asked[0]).toContain('/api/reports/indicators?from=');
    expect(asked[0]).toContain('group=programme');
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(cells).toEqual([
      'ProgramPodpořené osobyKontaktyHodiny přímé práce',
      'Sociální bydlení124025.5',
      'Terénní program351.5',
    ]);
  });

  it('explains that reports need a connection', async () => {
    const api = createApiClient('http://server.invalid', async () => {
      throw new TypeError('offline');
    });
    renderScreen(<ReportsPage />, { api, session: aSession({ role: 'manager' }) });
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Přehledy se počítají na serveru; je potřeba připojení.',
    );
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM for Excel', () => {
    expect(toCsv(['Obvod', 'Osoby'], [['Mariánské Hory a Hulváky, "MOb"', 3]])).toBe(
      '\uFEFFObvod,Osoby\r\n"Mariánské Hory a Hulváky, ""MOb""",3\r\n',
    );
  });
});
