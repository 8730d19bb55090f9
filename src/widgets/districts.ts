import { useTranslation } from 'react-i18next';
import { DISTRICTS } from '../core';
import { useCatalog } from '../data/hooks';

/**
 * The city's districts for forms and labels: the server's list (rules/catalog.ts) once a
 * sync has brought it, Ostrava's before. A district this app has a name for in the user's
 * language is named so; one of another city by the name the server gives it.
 */
export const useDistricts = () => {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  const known = (code: string): string | null =>
    i18n.exists(`enums.district.${code}`)
      ? String(i18n.t(`enums.district.${code}` as never))
      : null;
  const name = (code: string | undefined): string =>
    !code ? '' : (known(code) ?? catalog?.districts.find((d) => d.code === code)?.name ?? code);
  const list = (catalog?.districts.map((d) => d.code) ?? DISTRICTS).map((code) => ({
    code,
    name: name(code),
  }));
  /** The excluded localities and hostels the city knows in a district. */
  const localities = (district: string) =>
    (catalog?.localities ?? []).filter((l) => l.district === district);
  return { list, name, localities };
};
