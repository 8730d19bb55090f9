import { useEffect, useState } from 'react';
import { z } from 'zod';
import { LOCALITY_KINDS, URGENCIES } from '../../core';
import { CASE_NEEDS, NO_FILTERS, type CaseloadFilters } from '../../data/queries/caseload-filter';

/**
 * What a filter may hold, checked when read back: a value stored by an older version (or
 * edited by hand) falls back to "any" instead of hiding cases.
 */
const Stored = z.object({
  urgency: z.enum([...URGENCIES, 'attention', '']).catch(''),
  programme: z.string().max(40).catch(''),
  district: z.string().max(40).catch(''),
  localityKind: z.enum([...LOCALITY_KINDS, '']).catch(''),
  workerId: z.string().max(40).catch(''),
  need: z.enum([...CASE_NEEDS, '']).catch(''),
});

const keyFor = (userId: string) => `teren.caseload-filters.${userId}`;

const read = (userId: string): CaseloadFilters => {
  try {
    const raw = localStorage.getItem(keyFor(userId));
    return raw ? Stored.parse(JSON.parse(raw)) : NO_FILTERS;
  } catch {
    return NO_FILTERS;
  }
};

/**
 * The caseload's filters, remembered per user on this device across visits. Only codes are
 * kept (urgency, programme, district, kind of locality, a colleague's id): never what was
 * typed into the search, which may be a client's name, and localStorage is not encrypted.
 */
export const useCaseloadFilters = (userId: string) => {
  const [filters, setFilters] = useState(() => read(userId));
  useEffect(() => {
    try {
      localStorage.setItem(keyFor(userId), JSON.stringify(filters));
    } catch {
      // Storage full or refused: the filters still work for this visit.
    }
  }, [userId, filters]);
  const set = <K extends keyof CaseloadFilters>(key: K, value: CaseloadFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  return { filters, set, replace: setFilters, clear: () => setFilters(NO_FILTERS) };
};
