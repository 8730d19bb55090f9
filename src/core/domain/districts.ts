/**
 * City districts (městské obvody) of Ostrava used by the reference pilot. Codes are stable
 * identifiers stored in records; names are shown to users and are proper nouns in Czech.
 */
export const DISTRICTS = [
  'marianske-hory',
  'moravska-ostrava',
  'ostrava-jih',
  'poruba',
  'slezska-ostrava',
  'vitkovice',
  'other',
] as const;
export type District = (typeof DISTRICTS)[number];

export const LOCALITY_KINDS = ['svl', 'hostel', 'ordinary'] as const;
export type LocalityKind = (typeof LOCALITY_KINDS)[number];
