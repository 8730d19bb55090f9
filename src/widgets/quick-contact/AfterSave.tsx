import { useTranslation } from 'react-i18next';
import type { Contact, Enrolment, Person } from '../../core';
import { SavedContact } from './SavedContact';
import type { useQuickContact } from './use-quick-contact';

type Quick = ReturnType<typeof useQuickContact>;

/** After the saving tap: the confirmation in view, undo, a note to add, done. */
export const AfterSave = ({
  quick,
  contact,
  people,
  enrolments,
  close,
}: {
  quick: Quick;
  contact: Contact;
  people: readonly Person[];
  enrolments: readonly Enrolment[];
  close: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <SavedContact contact={contact} people={people} enrolments={enrolments} />
      {quick.note === null ? (
        <div className="sheet__actions">
          <button
            type="button"
            className="button"
            disabled={quick.busy}
            onClick={() => void quick.undo()}
          >
            {t('quickContact.undo')}
          </button>
          <button type="button" className="button" onClick={quick.startNote}>
            {t('quickContact.addNote')}
          </button>
          <button type="button" className="button button--primary" onClick={close}>
            {t('quickContact.done')}
          </button>
        </div>
      ) : (
        <>
          <label className="field">
            <span>{t('contactForm.note')}</span>
            <textarea
              autoComplete="off"
              rows={3}
              value={quick.note}
              onChange={(e) => quick.typeNote(e.target.value)}
              autoFocus
            />
          </label>
          <div className="sheet__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={quick.busy}
              onClick={close}
            >
              {t('quickContact.saveNote')}
            </button>
          </div>
        </>
      )}
    </>
  );
};
