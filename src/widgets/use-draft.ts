import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { getDb } from '../data/db';
import { clearDraft, loadDraft, saveDraft } from '../data/drafts';
import { useMarkUnsaved } from '../ui/unsaved-work';
import { draftWriter } from './draft-writer';

/** A draft that cannot be saved (locked app, full disk) must not crash the form. */
const keep = (key: string, values: unknown) =>
  saveDraft(getDb(), key, values).catch((e: unknown) => {
    console.warn('draft not saved:', e instanceof Error ? e.name : 'unknown');
  });

/** The draft the form had, put back once it is read; `ready` once it is (or there was none). */
const useRestoredDraft = <T extends FieldValues>(key: string, reset: (values: T) => void) => {
  const [restored, setRestored] = useState<boolean | null>(null);
  const ready = useRef(false);
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
  return { restored, setRestored, ready };
};

/**
 * Keeps a form's typing in the device database as a draft: written on every change and
 * again when the page is hidden or left, restored when the form opens again (after
 * navigating away, a reload or a killed app), removed on save or discard. While the form
 * differs from what is saved, an app update will not reload the page.
 */
export const useDraft = <T extends FieldValues, TOut extends FieldValues>(
  form: UseFormReturn<T, unknown, TOut>,
  key: string,
) => {
  const { reset, watch, formState, getValues } = form;
  const { restored, setRestored, ready } = useRestoredDraft<T>(key, reset);
  const writer = useMemo(() => draftWriter((values) => keep(key, values)), [key]);
  // Whether anything was typed since the form opened or the draft was discarded.
  const typed = useRef(false);

  useEffect(() => {
    // Changes made by the user or the form's code; a reset (the draft restored, a discard)
    // names no field and writes nothing.
    const subscription = watch((values, { name, type }) => {
      if (!ready.current || (name === undefined && type === undefined)) return;
      typed.current = true;
      writer.write(values);
    });
    const now = () => ready.current && typed.current && writer.write(getValues());
    // Hidden (another app, the screen off) or left (a reload, a closed tab): as it is now.
    const onVisibility = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', now);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', now);
    };
  }, [watch, getValues, writer, ready]);

  useMarkUnsaved(key, formState.isDirty || restored === true);

  return {
    restored: restored === true,
    /** After a successful save or an explicit discard. */
    discard: async () => {
      // A write still under way would bring the draft back after it is cleared.
      await writer.stop();
      typed.current = false;
      await clearDraft(getDb(), key);
      setRestored(false);
    },
  };
};
