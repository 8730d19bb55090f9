import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { CaseworkReport, IndicatorRow } from '../../../src/core';
import { ReportsPage } from '../../../src/features/reports/ReportsPage';
import { toCsv } from '../../../src/features/reports/csv';
import { xlsxBlob } from '../../../src/ui/download';
import { caseworkTables } from '../../../src/features/reports/report-tables';
import { i18n } from '../../../src/i18n/i18n';
import { createApiClient } from '../../../src/sync/api-client';
import { aSession, renderScreen } from './render';

const casework: CaseworkReport = {
  enrolments: [
    { programme: 'crisis_housing', opened: 4, closed: 3, reasons: { moved_out: 2, goals_met: 1 } },
  ],
  leasesEnding: [{ programme: 'social_housing', count: 2 }],
  plans: [{ programme: 'social_housing', due: 4, onTime: 3, late: 1, missing: 0 }],
  compliance: [{ programme: 'social_housing', met: 45, total: 60 }],
  groups: { sessions: 5, people: 11, minutes: 450 },
};
const rows: IndicatorRow[] = [
  { programme: 'social_housing', people: 12, contacts: 40, minutes: 1530 },
  { programme: 'field_work', people: 3, contacts: 5, minutes: 90 },
];
const months: IndicatorRow[] = [
  { month: '2026-01', people: 10, contacts: 30, minutes: 900 },
  { month: '2026-02', people: 11, contacts: 15, minutes: 720 },
];

/** A server answering each report as the real one does, recording what was asked. */
const fakeServer = (asked: string[]) =>
  createApiClient('http://server.invalid', async (url) => {
    const u = String(url);
    asked.push(u);
    const body = u.includes('/casework')
      ? casework
      : { rows: u.includes('group=month') ? months : rows };
    return new Response(JSON.stringify(body), { status: 200 });
  });

describe('ReportsPage', () => {
  it('asks the server for the chosen breakdown and shows it in Czech, hours from minutes', async () => {
    const asked: string[] = [];
    const api = fakeServer(asked);
    renderScreen(<ReportsPage />, { api, session: aSession({ role: 'manager' }) });
    await userEvent.selectOptions(screen.getByLabelText('Rozdělit podle'), 'programme');
    await userEvent.selectOptions(screen.getByLabelText('Obvod'), 'poruba');
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    const table = await screen.findByTestId('report');
    expect(asked[0]).toContain('/api/reports/indicators?from=');
    expect(asked[0]).toContain('group=programme');
    expect(asked[0]).toContain('district=poruba');
    expect(asked[0]).not.toContain('programme=social');
    const caseworkUrl = asked.find((u) => u.includes('/api/reports/casework?from='));
    expect(caseworkUrl).toContain('district=poruba');
    expect(caseworkUrl).not.toContain('programme=');
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(cells).toEqual([
      'ProgramPodpořené osobyKontaktyHodiny přímé práce',
      'Sociální bydlení124025,5',
      'Terénní program351,5',
    ]);
  });

  it('shows plans on time, rule compliance, closures by reason, leases and group work', async () => {
    renderScreen(<ReportsPage />, { api: fakeServer([]), session: aSession({ role: 'manager' }) });
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    const plans = await screen.findByTestId('casework-plans');
    expect(within(plans).getAllByRole('row')[1]?.textContent).toBe('Sociální bydlení431075 %');
    const compliance = screen.getByTestId('casework-compliance');
    expect(within(compliance).getAllByRole('row')[1]?.textContent).toBe('Sociální bydlení604575 %');
    const closed = screen.getByTestId('casework-enrolments');
    expect(within(closed).getByRole('columnheader', { name: 'odstěhování' })).toBeTruthy();
    expect(within(closed).getAllByRole('row')[1]?.textContent).toBe('Krizové bydlení43120000');
    expect(within(screen.getByTestId('casework-groups')).getAllByRole('row')[1]?.textContent).toBe(
      '5117,5',
    );
  });

  it('asks the server for casework of the chosen programme and shows its tables as they come', async () => {
    const asked: string[] = [];
    renderScreen(<ReportsPage />, {
      api: fakeServer(asked),
      session: aSession({ role: 'manager' }),
    });
    await userEvent.selectOptions(screen.getByLabelText('Program'), 'social_housing');
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    const closed = await screen.findByTestId('casework-enrolments');
    const url = new URL(asked.find((u) => u.includes('/api/reports/casework')) ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: expect.any(String),
      to: expect.any(String),
      programme: 'social_housing',
    });
    // The server has narrowed the tables; the screen no longer filters them again.
    expect(within(closed).getAllByRole('row')[1]?.textContent).toBe('Krizové bydlení43120000');
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    const asked: string[] = [];
    renderScreen(<ReportsPage />, {
      api: fakeServer(asked),
      session: aSession({ role: 'manager' }),
    });
    await userEvent.clear(screen.getByLabelText('Od'));
    await userEvent.type(screen.getByLabelText('Od'), '2030-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Zobrazit' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Začátek období musí být před jeho koncem.',
    );
    expect(asked).toEqual([]);
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

describe('xlsxBlob', () => {
  it('writes a workbook with a sheet per table, numbers as numbers', async () => {
    const tables = caseworkTables(i18n.t, casework, (p) =>
      i18n.t(`enums.programme.${p as 'field_work'}`),
    );
    const blob = await xlsxBlob(tables);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
    expect(workbook).toContain('name="Individuální plány v termínu"');
    expect(workbook).toContain('name="Dodržení četnosti kontaktů"');
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(tables.length);
    const all = Object.entries(files)
      .filter(([f]) => f.endsWith('.xml'))
      .map(([, data]) => strFromU8(data))
      .join('');
    expect(all).toContain('Krizové bydlení');
    expect(all).toMatch(/<v>45<\/v>/);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM for Excel', () => {
    expect(toCsv(['Obvod', 'Osoby'], [['Mariánské Hory a Hulváky, "MOb"', 3]])).toBe(
      '\uFEFFObvod,Osoby\r\n"Mariánské Hory a Hulváky, ""MOb""",3\r\n',
    );
  });

  it('keeps a cell a spreadsheet would run as a formula as text, and numbers as numbers', () => {
    const names = ['=HYPERLINK("http://x.invalid","Klikni")', '+420', '-1+1', '@SUM(A1)'];
    const csv = toCsv(['Pracovník', 'Kontakty'], [...names.map((n) => [n, -3]), ['Nováková', 2]]);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Pracovník,Kontakty',
      `"'=HYPERLINK(""http://x.invalid"",""Klikni"")",-3`,
      "'+420,-3",
      "'-1+1,-3",
      "'@SUM(A1),-3",
      'Nováková,2',
      '',
    ]);
    expect(toCsv(['x'], [['\t=1'], ['\r=1']])).toBe(`\uFEFFx\r\n'\t=1\r\n"'\r=1"\r\n`);
  });
});
