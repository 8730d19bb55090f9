import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import {
  CONTACT_KINDS,
  type Contact,
  type Enrolment,
  type Household,
  type Person,
} from '../../core';
import { getDb } from '../../data/db';
import { clearDraft, loadDraft, saveDraft } from '../../data/drafts';
import { getContact } from '../../data/queries/household';
import { saveWithOutbox } from '../../data/outbox';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useServices } from '../services';
import { useMarkUnsaved } from '../../ui/unsaved-work';
import { quickContact, withNote } from './contact-form';
import { defaultEnrolmentIds, defaultParticipantIds } from './defaults';

type Props = {
  household: Household;
  people: Person[];
  enrolments: Enrolment[];
  onClose: () => void;
};

// The kinds a worker logs many times a day come first; a group activity needs the full form.
const QUICK_KINDS = CONTACT_KINDS.filter((k) => k !== 'group');

/**
 * Logging a routine contact: open the sheet, tap the kind. Two taps, no typing; a note can
 * be added after, as a correction that keeps the first record.
 */
export const QuickContactSheet = ({ household, people, enrolments, onClose }: Props) => {
  const { t } = useTranslation();
  const { session } = useServices();
  const [saved, setSaved] = useState<Contact | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const enrolmentIds = defaultEnrolmentIds(enrolments, session.user.id);

  const draftKey = `quick-note:${household.id}`;
  useMarkUnsaved(draftKey, !!note?.trim());

  useEffect(() => {
    dialog.current?.focus();
    // A note typed after a quick contact survives a reload: reopening the sheet brings it back.
    void loadDraft<{ contactId: string; note: string }>(getDb(), draftKey)
      .then(async (draft) => {
        const contact = draft && (await getContact(getDb(), draft.contactId));
        if (draft && contact) {
          setSaved(contact);
          setNote(draft.note);
        }
      })
      .catch(() => undefined);
  }, [draftKey]);

  const typeNote = (value: string) => {
    setNote(value);
    if (saved) {
      void saveDraft(getDb(), draftKey, { contactId: saved.id, note: value }).catch(
        () => undefined,
      );
    }
  };

  const log = async (kind: Contact['kind']) => {
    setBusy(true);
    setError(null);
    try {
      const contact = quickContact({
        householdId: household.id,
        enrolmentIds,
        participantIds: defaultParticipantIds(people),
        workerId: session.user.id,
        kind,
        now: new Date(),
      });
      setSaved(await saveWithOutbox(getDb(), 'contact', contact));
    } catch (e) {
      setError(saveErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const saveNote = async () => {
    if (!saved || !note?.trim()) {
      await clearDraft(getDb(), draftKey);
      return onClose();
    }
    setBusy(true);
    try {
      await saveWithOutbox(getDb(), 'contact', withNote(saved, note.trim(), new Date()));
      await clearDraft(getDb(), draftKey);
      onClose();
    } catch (e) {
      setError(saveErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  // Closing with a note typed saves it: what was typed is never thrown away.
  const close = () => void saveNote();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Over the whole screen from wherever it opens: a moved (transformed) list row would
  // otherwise hold the sheet inside itself.
  return createPortal(
    <div className="sheet-backdrop" onClick={close}>
      <div
        ref={dialog}
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-label={t('quickContact.title', { label: household.label })}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t('quickContact.title', { label: household.label })}</h2>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {enrolmentIds.length === 0 ? (
          <>
            <p>{t('quickContact.noEnrolment')}</p>
            <Link className="button" to={`/households/${household.id}/enrolments/new`}>
              {t('actions.enrol')}
            </Link>
          </>
        ) : saved ? (
          <>
            <p className="notice" role="status">
              {t('quickContact.saved', {
                kind: t(`enums.contactKind.${saved.kind}`),
                minutes: saved.minutes,
              })}
            </p>
            {note === null ? (
              <div className="sheet__actions">
                <button type="button" className="button" onClick={() => setNote('')}>
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
                    value={note}
                    onChange={(e) => typeNote(e.target.value)}
                    autoFocus
                  />
                </label>
                <div className="sheet__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={busy}
                    onClick={() => void saveNote()}
                  >
                    {t('quickContact.saveNote')}
                  </button>
                </div>
              </>
            )}
          </>
        ) : (
          <>
            <p className="muted small">{t('quickContact.hint')}</p>
            <div className="kind-grid">
              {QUICK_KINDS.map((k) => (
                <button
                  key={k}
                  type="button"
                  className={`kind-button kind-button--${k}`}
                  disabled={busy}
                  onClick={() => void log(k)}
                >
                  {t(`enums.contactKind.${k}`)}
                </button>
              ))}
            </div>
            <Link className="button button--ghost" to={`/households/${household.id}/contacts/new`}>
              {t('quickContact.fullForm')}
            </Link>
          </>
        )}
      </div>
    </div>,
    document.body,
  );
};
