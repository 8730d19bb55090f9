import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <section className="page">
      <p className="empty">{t('household.notFound')}</p>
      <Link to="/">{t('common.back')}</Link>
    </section>
  );
};
