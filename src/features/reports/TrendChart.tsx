import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow } from '../../core';

type Destroyable = { destroy: () => void };

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
    let chart: Destroyable | undefined;
    let cancelled = false;
    const month = new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    void import('chart.js').then((c) => {
      const ctx = canvas.current?.getContext('2d');
      if (cancelled || !ctx) return;
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
      chart = new c.Chart(ctx, {
        data: {
          labels: rows.map((r) => month.format(new Date(`${r.month ?? '1970-01'}-15T00:00:00Z`))),
          datasets: [
            {
              type: 'bar',
              label: t('reports.contacts'),
              data: rows.map((r) => r.contacts),
              backgroundColor: '#9fd0dc',
              yAxisID: 'y',
            },
            {
              type: 'line',
              label: t('reports.people'),
              data: rows.map((r) => r.people),
              borderColor: '#0f5f73',
              backgroundColor: '#0f5f73',
              yAxisID: 'y',
            },
            {
              type: 'line',
              label: t('reports.hours'),
              data: rows.map((r) => Math.round(r.minutes / 6) / 10),
              borderColor: '#b54708',
              backgroundColor: '#b54708',
              yAxisID: 'y',
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
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
