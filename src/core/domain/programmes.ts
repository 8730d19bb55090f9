export const PROGRAMMES = [
  'crisis_housing',
  'social_housing',
  'affordable_housing',
  'family_prevention',
  'field_work',
] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** Housing tiers have a flat and a lease; the others do not. */
export const HOUSING_PROGRAMMES: readonly Programme[] = [
  'crisis_housing',
  'social_housing',
  'affordable_housing',
];

export const isHousing = (p: Programme): boolean => HOUSING_PROGRAMMES.includes(p);

/** Crisis housing leases last at most 6 months (004_*: "nájem max. 6 měsíců"). */
export const CRISIS_LEASE_MAX_MONTHS = 6;
