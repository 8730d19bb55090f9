import { useTranslation } from 'react-i18next';
import type { ContactRule } from '../../../core';

/** One line a supervisor can read: "days 0–91: at least 1× a week; from day 91: …". */
export const useDescribeRule = () => {
  const { t } = useTranslation();
  return (rule: ContactRule) => {
    const phases = rule.phases.map((p) => {
      const when =
        p.toDay === null
          ? t('rules.describe.daysFrom', { from: p.fromDay })
          : t('rules.describe.days', { from: p.fromDay, to: p.toDay });
      const r = p.requirement;
      const what = !r
        ? t('rules.describe.none')
        : r.kind === 'avg_per_week'
          ? t('rules.describe.avg', { perWeek: r.perWeek, weeks: r.windowWeeks })
          : r.period === 'month'
            ? t('rules.describe.min_month', { min: r.min })
            : t('rules.describe.min_week', { min: r.min });
      return `${when}: ${what}`;
    });
    const plan =
      rule.planWithinDays === null
        ? t('rules.describe.noPlan')
        : t('rules.describe.plan', { days: rule.planWithinDays });
    const lease =
      rule.leaseWarningDays === null
        ? []
        : [t('rules.describe.lease', { days: rule.leaseWarningDays })];
    return [...phases, plan, ...lease].join('; ');
  };
};
