import { useTranslation } from 'react-i18next';

const TIME_ZONE = 'Europe/Prague';
const DAY = 86_400_000;

/** Calendar date in Prague for a moment: what a worker means by "today". */
export const pragueDate = (at: Date | string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(new Date(at));

/** Whole calendar days between two Prague dates (YYYY-MM-DD), DST-safe. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

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
