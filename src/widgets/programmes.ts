import { useTranslation } from 'react-i18next';
import { OSTRAVA_PROGRAMMES, programmeInfo, type ProgrammeInfo } from '../core';
import { useCatalog } from '../data/hooks';

/**
 * The city's programmes for forms, labels and rules: the server's list (rules/catalog.ts) once
 * a sync has brought it, Ostrava's before. A programme this app has a name for in the user's
 * language is named so; one of another city by the name the server gives it.
 */
export const useProgrammes = () => {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  const known = catalog?.programmes ?? OSTRAVA_PROGRAMMES;
  const info = (code: string): ProgrammeInfo => {
    const found = programmeInfo(known, code);
    const key = `enums.programme.${code}`;
    return i18n.exists(key) ? { ...found, name: String(i18n.t(key as never)) } : found;
  };
  const name = (code: string | undefined): string => (code ? info(code).name : '');
  return { list: known.map((p) => info(p.code)), info, name };
};
