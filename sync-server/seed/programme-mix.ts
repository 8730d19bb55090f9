import type { SeededProgramme } from '../../src/core';

/** The demo's (and the benchmark's) share of households by programme. */
export const PROGRAMME_MIX: readonly SeededProgramme[] = [
  ...Array<SeededProgramme>(10).fill('social_housing'),
  ...Array<SeededProgramme>(8).fill('affordable_housing'),
  ...Array<SeededProgramme>(5).fill('crisis_housing'),
  ...Array<SeededProgramme>(4).fill('family_prevention'),
  ...Array<SeededProgramme>(3).fill('field_work'),
];

/** Contacts per week a diligent but human worker manages in each programme. */
export const WEEKLY_RATE: Record<SeededProgramme, number> = {
  crisis_housing: 3,
  social_housing: 2.6,
  affordable_housing: 1.3,
  family_prevention: 0.8,
  field_work: 0.6,
};
