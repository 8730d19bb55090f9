import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, type ContactKind } from '../../core';
import { Link } from '../../ui/routing';
import type { useQuickContact } from './use-quick-contact';

// The kinds a worker logs many times a day come first; a group activity needs the full form.
const QUICK_KINDS = CONTACT_KINDS.filter((k) => k !== 'group');

/** Who was present, then one tap on the kind saves the contact; or the full form. */
export const KindPicker = ({
  quick,
  householdId,
  presence,
  log,
}: {
  quick: ReturnType<typeof useQuickContact>;
  householdId: string;
  presence: ReactNode;
  log: (kind: ContactKind) => void;
}) => {
  const { t } = useTranslation();
  return (
    <>
      {quick.undone && (
        <p className="notice" role="status">
          {t('quickContact.undone')}
        </p>
      )}
      {presence}
      <p className="muted small">{t('quickContact.hint')}</p>
      <div className="kind-grid">
        {QUICK_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={`kind-button kind-button--${k}`}
            disabled={quick.busy}
            onClick={() => log(k)}
          >
            {t(`enums.contactKind.${k}`)}
          </button>
        ))}
      </div>
      <Link className="button button--ghost" to={`/households/${householdId}/contacts/new`}>
        {t('quickContact.fullForm')}
      </Link>
    </>
  );
};
