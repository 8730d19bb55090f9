import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import type { CaseloadRow } from '../../data/queries/caseload';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { EvaluationNotes } from '../../ui/status/EvaluationNotes';
import { UrgencyBadge } from '../../ui/status/UrgencyBadge';
import { useProgrammes } from '../../widgets/programmes';

/** One household of the caseload; the quick contact opens over the whole page (CaseloadPage). */
export const CaseloadItem = ({
  row,
  districtName,
  quickContact,
  holderName,
}: {
  row: CaseloadRow;
  districtName: (code: string) => string;
  quickContact: (row: CaseloadRow) => void;
  /** For a supervisor: who holds each case (a worker sees only their own). */
  holderName?: ((workerId: string) => string) | undefined;
}) => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const { ago } = useFormat();
  const { household, people, enrolments } = row;
  return (
    <div className="case-row">
      <Link className={`case-item case-item--${row.urgency}`} to={`/households/${household.id}`}>
        <span className="case-item__main">
          <span className="case-item__title">
            {household.label} {row.urgency !== 'none' && <UrgencyBadge urgency={row.urgency} />}
          </span>
          <span className="case-item__meta">
            {districtName(household.district)} · {t(`enums.localityKind.${household.localityKind}`)}
            {household.localityName ? ` · ${household.localityName}` : ''}
          </span>
          {holderName && enrolments.length > 0 && (
            <span className="case-item__meta" data-testid="held-by">
              {t('caseload.heldBy', {
                names: [...new Set(enrolments.map((e) => holderName(e.workerId)))].join(', '),
              })}
            </span>
          )}
          <span className="chips">
            {enrolments.map((e) => (
              <span key={e.id} className={`chip chip--${programmes.info(e.programme).colour}`}>
                {programmes.name(e.programme)}
              </span>
            ))}
            <span className="chip chip--plain">
              {t('caseload.members', { count: people.length })}
            </span>
          </span>
          {enrolments.map((e) => {
            const evaluation = row.evaluations.get(e.id);
            return evaluation ? <EvaluationNotes key={e.id} evaluation={evaluation} /> : null;
          })}
        </span>
        <span className="case-item__side">
          <span className="case-item__label">{t('caseload.lastContact')}</span>
          <span className="case-item__value">{ago(row.lastContactAt)}</span>
        </span>
      </Link>
      <button
        type="button"
        className="quick-button"
        aria-label={`${t('quickContact.open')}: ${household.label}`}
        title={t('quickContact.open')}
        onClick={() => quickContact(row)}
      >
        <Icon name="plus" size={26} />
      </button>
    </div>
  );
};
