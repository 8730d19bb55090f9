import type { TFunction } from 'i18next';

/** A failed local write, in words: a full disk is named, anything else is generic. */
export const saveErrorMessage = (e: unknown, t: TFunction): string => {
  const name =
    e instanceof Error
      ? e.name === 'AbortError' && e.cause instanceof Error
        ? e.cause.name
        : e.name
      : '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError'
    ? t('forms.quotaExceeded')
    : t('forms.saveFailed');
};
