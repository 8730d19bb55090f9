import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Whom a form's record belongs to: an anonymised case takes no more changes. */
type OfHousehold = { household: { anonymised?: boolean } };

/**
 * A screen over one live record: "loading", "not on this device", or the screen itself; a
 * form (`edits`) over an anonymised case says it is read-only instead.
 */
export const Loaded = <T,>({
  value,
  children,
  edits = false,
}: {
  value: T | null | undefined;
  children: (value: T) => ReactNode;
  edits?: boolean;
}) => {
  const { t } = useTranslation();
  if (value === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (value === null) return <p className="page empty">{t('household.notFound')}</p>;
  if (edits && (value as Partial<OfHousehold>).household?.anonymised)
    return (
      <p className="page notice" data-testid="read-only">
        {t('household.anonymised')}
      </p>
    );
  return <section className="page">{children(value)}</section>;
};
