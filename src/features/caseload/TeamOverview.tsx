import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../ui/TableScroll';
import type { CaseloadRow } from '../../data/queries/caseload';
import { NO_FILTERS, type CaseloadFilters } from '../../data/queries/caseload-filter';
import { summariseTeam } from '../../data/queries/team';
import { useMemberName } from '../../widgets/team';

type Drill = (filters: CaseloadFilters) => void;

/** A count that opens the list of the cases behind it (none: plain zero). */
const Count = ({
  value,
  tone,
  label,
  onOpen,
}: {
  value: number;
  tone: 'bad' | 'warn' | 'plain';
  label: string;
  onOpen: () => void;
}) =>
  value === 0 ? (
    <>0</>
  ) : (
    <button
      type="button"
      className={`count-link is-${tone}`}
      aria-label={`${label}: ${value}`}
      onClick={onOpen}
    >
      {value}
    </button>
  );

/**
 * For a supervisor, above the team's caseload: who has how many cases and what is late;
 * every number opens the cases behind it (the caseload, filtered to them).
 */
export const TeamOverview = ({ rows, drill }: { rows: CaseloadRow[]; drill: Drill }) => {
  const { t } = useTranslation();
  const name = useMemberName();
  const summary = summariseTeam(rows);
  if (summary.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('team.title')}</h2>
      <TableScroll label={t('team.title')}>
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
            {summary.map((s) => {
              const open = (over: Partial<CaseloadFilters>) => () =>
                drill({ ...NO_FILTERS, workerId: s.workerId, ...over });
              const who = name(s.workerId);
              const cell = (
                value: number,
                tone: 'bad' | 'warn' | 'plain',
                column: string,
                over: Partial<CaseloadFilters>,
              ) => (
                <td>
                  <Count
                    value={value}
                    tone={tone}
                    label={`${who}, ${column}`}
                    onOpen={open(over)}
                  />
                </td>
              );
              return (
                <tr key={s.workerId}>
                  <td>{who}</td>
                  {cell(s.households, 'plain', t('team.households'), {})}
                  {cell(s.overdue, 'bad', t('team.overdue'), { urgency: 'overdue' })}
                  {cell(s.atRisk, 'warn', t('team.atRisk'), { urgency: 'at_risk' })}
                  {cell(s.plansLate, 'bad', t('team.plansLate'), { need: 'plan_late' })}
                  {cell(s.toSignOff, 'warn', t('team.toSignOff'), { need: 'sign_off' })}
                  {cell(s.leasesEnding, 'warn', t('team.leasesEnding'), { need: 'lease_ending' })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
};
