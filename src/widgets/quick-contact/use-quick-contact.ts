import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId, withdrawal, type Contact, type Household } from '../../core';
import { getDb } from '../../data/db';
import { clearDraft, loadDraft, saveDraft } from '../../data/drafts';
import { saveWithOutbox } from '../../data/outbox';
import { getContact } from '../../data/queries/household';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useMarkUnsaved } from '../../ui/unsaved-work';
import { quickContact, withNote } from './contact-form';

type Draft = { contactId: string; note: string };

/** A note typed after a quick contact survives a reload: reopening the sheet brings it back. */
const useNoteDraft = (
  draftKey: string,
  restore: (contact: Contact, note: string) => void,
  note: string | null,
) => {
  useMarkUnsaved(draftKey, !!note?.trim());
  useEffect(() => {
    void loadDraft<Draft>(getDb(), draftKey)
      .then(async (draft) => {
        const contact = draft && (await getContact(getDb(), draft.contactId));
        if (draft && contact) restore(contact, draft.note);
      })
      .catch(() => undefined);
    // `restore` only sets state: reading the draft once per sheet is meant.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);
};

/**
 * The quick sheet's work: log a contact with one tap, take it back (undo), add a note after.
 * `saved` is the contact just logged; `undone` says the last one was taken back.
 */
export const useQuickContact = (household: Household, onClose: () => void) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Contact | null>(null);
  const [undone, setUndone] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draftKey = `quick-note:${household.id}`;
  useNoteDraft(draftKey, (c, n) => (setSaved(c), setNote(n)), note);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(saveErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const log = (args: Omit<Parameters<typeof quickContact>[0], 'householdId' | 'now'>) =>
    run(async () => {
      const contact = quickContact({ ...args, householdId: household.id, now: new Date() });
      setSaved(await saveWithOutbox(getDb(), 'contact', contact));
      setUndone(false);
    });

  const undo = () =>
    run(async () => {
      if (!saved) return;
      await saveWithOutbox(
        getDb(),
        'contact',
        withdrawal(saved, newId(), new Date().toISOString()),
      );
      await clearDraft(getDb(), draftKey);
      setSaved(null);
      setNote(null);
      setUndone(true);
    });

  const typeNote = (value: string) => {
    setNote(value);
    if (saved)
      void saveDraft(getDb(), draftKey, { contactId: saved.id, note: value }).catch(
        () => undefined,
      );
  };

  // Closing with a note typed saves it: what was typed is never thrown away.
  const finish = () =>
    run(async () => {
      if (saved && note?.trim())
        await saveWithOutbox(getDb(), 'contact', withNote(saved, note.trim(), new Date()));
      await clearDraft(getDb(), draftKey);
      onClose();
    });

  return {
    saved,
    undone,
    note,
    error,
    busy,
    log,
    undo,
    typeNote,
    startNote: () => setNote(''),
    finish,
  };
};
