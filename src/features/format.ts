import { useTranslation } from 'react-i18next';
import { daysBetween, pragueDate, TIME_ZONE } from '../core';

export const useFormat = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'cs-CZ';
  return {
    date: (value: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(
        new Date(value.length === 10 ? `${value}T12:00:00Z` : value),
      ),
    time: (value: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, timeStyle: 'short' }).format(
        new Date(value),
      ),
    dateTime: (value: string) =>
      new Intl.DateTimeFormat(locale, {
        timeZone: TIME_ZONE,
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(value)),
    /** "dnes", "před 3 dny"; `never` when there is no date. */
    ago: (value: string | null) => {
      if (!value) return t('common.never');
      const days = daysBetween(pragueDate(value), pragueDate(new Date()));
      return days <= 0 ? t('common.today') : t('common.daysAgo', { count: days });
    },
  };
};
