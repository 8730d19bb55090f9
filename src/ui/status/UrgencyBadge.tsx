import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../core';

/** Red / amber / green, always with words: colour alone is not enough for everyone. */
export const UrgencyBadge = ({ urgency }: { urgency: Urgency }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${urgency}`} data-testid="urgency" data-urgency={urgency}>
      {t(`urgency.${urgency}`)}
    </span>
  );
};
