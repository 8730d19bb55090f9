/**
 * Folds text for search: "Novák" and "novak" match. Czech diacritics (háček, čárka,
 * kroužek) decompose under NFD into a base letter and a combining mark, which we drop.
 */
export const foldText = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();

/** True when every word of the query starts a word of the text (order-free). */
export const matchesQuery = (text: string, query: string): boolean => {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldText(text).split(/[\s,.\-/]+/);
  return words.every((w) => hay.some((h) => h.startsWith(w)));
};
