import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { getDb } from '../data/db';
import { clearDraft, loadDraft, saveDraft } from '../data/drafts';
import { useMarkUnsaved } from '../ui/unsaved-work';

const SAVE_DELAY_MS = 300;

/** A draft that cannot be saved (locked app, full disk) must not crash the form. */
const keep = (key: string, values: unknown) =>
  saveDraft(getDb(), key, values).catch((e: unknown) => {
    console.warn('draft not saved:', e instanceof Error ? e.name : 'unknown');
  });

/**
 * Keeps a form's typing in the device database as a draft: restored when the form opens
 * again (after navigating away, a reload or a killed app), removed on save or discard.
 * While the form differs from what is saved, an app update will not reload the page.
 */
export const useDraft = <T extends FieldValues, TOut extends FieldValues>(
  form: UseFormReturn<T, unknown, TOut>,
  key: string,
) => {
  const [restored, setRestored] = useState<boolean | null>(null);
  const ready = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reset, watch, formState } = form;

  useEffect(() => {
    ready.current = false;
    let cancelled = false;
    void loadDraft<T>(getDb(), key)
      // An unreadable draft (from before a new key) is no draft; the form starts empty.
      .catch(() => undefined)
      .then((draft) => {
        if (cancelled) return;
        if (draft) reset(draft);
        setRestored(!!draft);
        ready.current = true;
      });
    return () => {
      cancelled = true;
    };
  }, [key, reset]);

  useEffect(() => {
    const subscription = watch((values) => {
      if (!ready.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void keep(key, values);
      }, SAVE_DELAY_MS);
    });
    return () => {
      // Flush on unmount so leaving the page right after typing loses nothing.
      if (timer.current !== undefined && ready.current) {
        clearTimeout(timer.current);
        timer.current = undefined;
        void keep(key, form.getValues());
      }
      subscription.unsubscribe();
    };
  }, [key, watch, form]);

  useMarkUnsaved(key, formState.isDirty || restored === true);

  return {
    restored: restored === true,
    /** After a successful save or an explicit discard. */
    discard: async () => {
      ready.current = false;
      // A save still waiting would bring the draft back after it is cleared.
      clearTimeout(timer.current);
      timer.current = undefined;
      await clearDraft(getDb(), key);
      setRestored(false);
    },
  };
};
