import { useTranslation } from 'react-i18next';
import type { ContactRule } from '../../../core';
import { useRuleWords } from '../../../ui/status/rule-words';

/** One line a supervisor can read: "days 0–91: at least 1× a week; from day 91: …". */
export const useDescribeRule = () => {
  const { t } = useTranslation();
  const words = useRuleWords();
  return (rule: ContactRule) => {
    const phases = rule.phases.map((p) => {
      const when =
        p.toDay === null
          ? t('rules.describe.daysFrom', { from: p.fromDay })
          : t('rules.describe.days', { from: p.fromDay, to: p.toDay });
      const r = p.requirement;
      const what = r ? words.requirement(r) : t('rules.describe.none');
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
