import { useTranslation } from 'react-i18next';
import type { Lateness, PeriodResult, Requirement } from '../../core';
import { useFormat } from '../format';

/**
 * A contact rule and where a case stands against it, in the words a worker uses:
 * "alespoň 1× týdně: tento týden 0 z 1", "v průměru 2× týdně za 4 týdny: zatím 3 z 8",
 * "4 dny po termínu (kontakt měl být do 8. 11. 2026)".
 */
export const useRuleWords = () => {
  const { t, i18n } = useTranslation();
  const { date } = useFormat();
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'cs-CZ');
  const requirement = (r: Requirement): string =>
    r.kind === 'avg_per_week'
      ? t('rules.words.avg', { perWeek: number(r.perWeek), count: r.windowWeeks })
      : t(`rules.words.${r.period}`, { min: r.min });
  const progress = (p: PeriodResult): string => {
    const kind = p.requirement?.kind === 'avg_per_week' ? 'avg' : p.requirement?.period;
    return t(`rules.words.progress.${kind ?? 'avg'}`, { count: p.count, required: p.required });
  };
  return {
    requirement,
    /** The rule of the period and how far it is met; null for a period that requires nothing. */
    standing: (p: PeriodResult | null): string | null =>
      p?.requirement ? `${requirement(p.requirement)}: ${progress(p)}` : null,
    late: (l: Lateness): string =>
      l.atLeast
        ? t('rules.words.lateAtLeast', { count: l.days })
        : t('rules.words.late', { count: l.days, date: date(l.since) }),
  };
};
