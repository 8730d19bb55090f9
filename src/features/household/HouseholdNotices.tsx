import { useTranslation } from 'react-i18next';
import { useSyncNotices } from '../../data/hooks';
import { NoticeItem } from '../../widgets/NoticeItem';

/** What sync did to this worker's changes of this household: told where they look for it. */
export const HouseholdNotices = ({ householdId }: { householdId: string }) => {
  const { t } = useTranslation();
  const notices = (useSyncNotices() ?? []).filter((n) => n.householdId === householdId);
  if (notices.length === 0) return null;
  return (
    <section className="card card--attention" data-testid="household-notices">
      <h2>{t('syncChanges.householdTitle')}</h2>
      <ul className="plain-list issue-list">
        {notices.map((n) => (
          <NoticeItem key={n.key} notice={n} />
        ))}
      </ul>
    </section>
  );
};
