import { useTranslation } from 'react-i18next';
import { RISK_DAYS, URGENCIES } from '../../core';
import { Icon } from '../Icon';
import { UrgencyBadge } from './UrgencyBadge';

/** What each colour means, one tap away wherever cases are coloured. */
export const UrgencyLegend = () => {
  const { t } = useTranslation();
  return (
    <details className="legend" data-testid="urgency-legend">
      <summary>
        <Icon name="info" size={18} /> {t('urgency.legend.title')}
      </summary>
      <dl>
        {URGENCIES.map((u) => (
          <div key={u} className="legend__row">
            <dt>
              <UrgencyBadge urgency={u} />
            </dt>
            <dd>{t(`urgency.legend.${u}`, RISK_DAYS)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('urgency.legend.rules')}</p>
    </details>
  );
};
