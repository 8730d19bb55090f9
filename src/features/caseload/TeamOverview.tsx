import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../data/queries/caseload';
import { summariseTeam } from '../../data/queries/team';
import { useServices } from '../../widgets/services';

/** For a supervisor, above the team's caseload: who has how many cases and what is late. */
export const TeamOverview = ({ rows }: { rows: CaseloadRow[] }) => {
  const { t } = useTranslation();
  const { session } = useServices();
  const name = (id: string) =>
    session.team.find((m) => m.id === id)?.name ?? t('team.unknownWorker');
  const summary = summariseTeam(rows);
  if (summary.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('team.title')}</h2>
      <div className="table-scroll">
        <table className="report-table" data-testid="team-overview">
          <thead>
            <tr>
              <th>{t('team.worker')}</th>
              <th>{t('team.households')}</th>
              <th>{t('team.overdue')}</th>
              <th>{t('team.atRisk')}</th>
              <th>{t('team.plansLate')}</th>
              <th>{t('team.toSignOff')}</th>
              <th>{t('team.leasesEnding')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.workerId}>
                <td>{name(s.workerId)}</td>
                <td>{s.households}</td>
                <td className={s.overdue ? 'is-bad' : ''}>{s.overdue}</td>
                <td className={s.atRisk ? 'is-warn' : ''}>{s.atRisk}</td>
                <td className={s.plansLate ? 'is-bad' : ''}>{s.plansLate}</td>
                <td className={s.toSignOff ? 'is-warn' : ''}>{s.toSignOff}</td>
                <td className={s.leasesEnding ? 'is-warn' : ''}>{s.leasesEnding}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
