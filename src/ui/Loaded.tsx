import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen over one live record: "loading", "not on this device", or the screen itself. */
export const Loaded = <T,>({
  value,
  children,
}: {
  value: T | null | undefined;
  children: (value: T) => ReactNode;
}) => {
  const { t } = useTranslation();
  if (value === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (value === null) return <p className="page empty">{t('household.notFound')}</p>;
  return <section className="page">{children(value)}</section>;
};
