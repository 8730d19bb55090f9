import type { TFunction } from 'i18next';
import type * as ChartModule from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow } from '../../core';

type ChartJs = typeof ChartModule;

const registerParts = (c: ChartJs) =>
  c.Chart.register(
    c.BarController,
    c.BarElement,
    c.LineController,
    c.LineElement,
    c.PointElement,
    c.CategoryScale,
    c.LinearScale,
    c.Legend,
    c.Tooltip,
  );

const line = (label: string, data: number[], colour: string) => ({
  type: 'line' as const,
  label,
  data,
  borderColor: colour,
  backgroundColor: colour,
  yAxisID: 'y',
});

/** Contacts as bars, people and hours as lines, on one axis from zero. */
const chartConfig = (t: TFunction, locale: string, rows: readonly IndicatorRow[]) => {
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const contacts = {
    type: 'bar' as const,
    label: t('reports.contacts'),
    data: rows.map((r) => r.contacts),
    backgroundColor: '#9fd0dc',
    yAxisID: 'y',
  };
  const people = line(
    t('reports.people'),
    rows.map((r) => r.people),
    '#0f5f73',
  );
  const hours = line(
    t('reports.hours'),
    rows.map((r) => Math.round(r.minutes / 6) / 10),
    '#b54708',
  );
  return {
    data: {
      labels: rows.map((r) => month.format(new Date(`${r.month ?? '1970-01'}-15T00:00:00Z`))),
      datasets: [contacts, people, hours],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      scales: { y: { beginAtZero: true } },
      plugins: { legend: { position: 'bottom' as const } },
    },
  };
};

/**
 * People, contacts and hours by month as a chart. Chart.js is loaded when the chart is first
 * drawn, so the app starts without it; the same figures are in the table below for anyone
 * who cannot see the chart.
 */
export const TrendChart = ({ rows }: { rows: readonly IndicatorRow[] }) => {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const locale = i18n.language === 'en' ? 'en-GB' : 'cs-CZ';
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    void import('chart.js').then((c) => {
      const ctx = canvas.current?.getContext('2d');
      if (cancelled || !ctx) return;
      registerParts(c);
      chart = new c.Chart(ctx, chartConfig(t, locale, rows));
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [rows, t, locale]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={t('reports.trendNote')} />
    </div>
  );
};
