import { useTranslation } from 'react-i18next';
import { daysBetween, pragueDate, TIME_ZONE } from '../core';

// Constructing a formatter costs far more than formatting (tens of µs; a list row formats
// up to three dates): one per locale and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, style: 'date' | 'time' | 'dateTime') => {
  const key = `${locale} ${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      ...(style !== 'time' ? { dateStyle: 'medium' } : {}),
      ...(style !== 'date' ? { timeStyle: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
};

export const useFormat = () => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'cs-CZ';
  return {
    date: (value: string) =>
      formatter(locale, 'date').format(
        new Date(value.length === 10 ? `${value}T12:00:00Z` : value),
      ),
    time: (value: string) => formatter(locale, 'time').format(new Date(value)),
    dateTime: (value: string) => formatter(locale, 'dateTime').format(new Date(value)),
    /** "dnes", "před 3 dny"; `never` when there is no date. */
    ago: (value: string | null) => {
      if (!value) return t('common.never');
      const days = daysBetween(pragueDate(value), pragueDate(new Date()));
      return days <= 0 ? t('common.today') : t('common.daysAgo', { count: days });
    },
  };
};
