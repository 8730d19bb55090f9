import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../ui/TableScroll';
import { pragueDate } from '../../core';
import { useCompliance } from '../../data/hooks';
import { useFormat } from '../../ui/format';
import { useMemberName } from '../../widgets/team';

const tone = (ratio: number) => (ratio >= 0.8 ? 'good' : ratio >= 0.5 ? 'fair' : 'poor');

/** Workers by week: how well the contact rules were kept, in colour and in numbers. */
export const ComplianceHeatmap = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const name = useMemberName();
  const grid = useCompliance(pragueDate(new Date()));
  if (!grid || grid.rows.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('team.heatmap')}</h2>
      <TableScroll label={t('team.heatmap')}>
        <table className="heatmap" data-testid="heatmap">
          <thead>
            <tr>
              <th>{t('team.worker')}</th>
              {grid.weeks.map((w) => (
                <th key={w} title={t('team.week', { date: date(w) })}>
                  {date(w).replace(/\s?\d{4}$/, '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.workerId}>
                <td>{name(row.workerId)}</td>
                {row.cells.map((c, i) => (
                  <td
                    key={grid.weeks[i]}
                    className={c.total ? `heat heat--${tone(c.met / c.total)}` : 'heat heat--none'}
                    title={c.total ? `${c.met} / ${c.total}` : t('team.noData')}
                  >
                    {c.total ? `${Math.round((100 * c.met) / c.total)} %` : '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">{t('team.heatmapNote')}</p>
    </section>
  );
};
