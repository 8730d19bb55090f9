import { useEffect } from 'react';
import { create } from 'zustand';

/** Forms with unsaved typing register here; an app update never reloads over them. */
export const useUnsavedWork = create<{ dirty: ReadonlySet<string> }>(() => ({ dirty: new Set() }));

export const useMarkUnsaved = (key: string, isDirty: boolean) => {
  useEffect(() => {
    useUnsavedWork.setState((s) => {
      const dirty = new Set(s.dirty);
      if (isDirty) dirty.add(key);
      else dirty.delete(key);
      return { dirty };
    });
    return () =>
      useUnsavedWork.setState((s) => {
        const dirty = new Set(s.dirty);
        dirty.delete(key);
        return { dirty };
      });
  }, [key, isDirty]);
};
