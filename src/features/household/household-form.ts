import { z } from 'zod';
import {
  Household,
  newId,
  Person,
  type Household as HouseholdRecord,
  type Person as PersonRecord,
} from '../../core';

/**
 * The household form: the shared record schemas, narrowed to what a person types (and
 * strict, so the form's type has no index signature).
 */
const householdFields = Household.pick({
  label: true,
  street: true,
  city: true,
  district: true,
  localityKind: true,
  localityName: true,
  phone: true,
  note: true,
}).shape;
const memberFields = Person.pick({
  id: true,
  firstName: true,
  lastName: true,
  birthYear: true,
  relation: true,
  phone: true,
  email: true,
}).shape;
export const HouseholdFormSchema = z.object({
  ...householdFields,
  members: z.array(z.object(memberFields)).min(1),
});
export type HouseholdFormValues = z.input<typeof HouseholdFormSchema>;
export type HouseholdFormOutput = z.output<typeof HouseholdFormSchema>;

export const emptyMember = (
  relation: PersonRecord['relation'] = 'head',
): HouseholdFormValues['members'][number] => ({
  id: newId(),
  firstName: '',
  lastName: '',
  birthYear: null,
  relation,
  phone: '',
  email: '',
});

export const emptyHousehold = (): HouseholdFormValues => ({
  label: '',
  street: '',
  city: 'Ostrava',
  district: 'moravska-ostrava',
  localityKind: 'svl',
  localityName: '',
  phone: '',
  note: '',
  members: [emptyMember()],
});

export const householdToForm = (
  h: HouseholdRecord,
  people: PersonRecord[],
): HouseholdFormValues => ({
  label: h.label,
  street: h.street,
  city: h.city,
  district: h.district,
  localityKind: h.localityKind,
  localityName: h.localityName,
  phone: h.phone,
  note: h.note,
  members: people.map((p) => ({
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthYear: p.birthYear,
    relation: p.relation,
    phone: p.phone,
    email: p.email,
  })),
});

/**
 * The records a saved form produces: the household, each member (new or changed), and
 * removed members marked deleted (kept, so history and sync never lose them).
 */
export const householdFromForm = (
  values: HouseholdFormOutput,
  existing: { household: HouseholdRecord; people: PersonRecord[] } | null,
  teamId: string,
  now: string,
): { household: HouseholdRecord; people: PersonRecord[] } => {
  const { members, ...fields } = values;
  const household: HouseholdRecord = existing
    ? { ...existing.household, ...fields, updatedAt: now }
    : {
        ...fields,
        id: newId(),
        teamId,
        anonymised: false,
        createdAt: now,
        updatedAt: now,
        deleted: false,
      };
  const before = new Map((existing?.people ?? []).map((p) => [p.id, p]));
  const people: PersonRecord[] = [];
  for (const m of members) {
    const old = before.get(m.id);
    if (!old) {
      people.push({
        ...m,
        householdId: household.id,
        createdAt: now,
        updatedAt: now,
        deleted: false,
      });
    } else if (Object.entries(m).some(([k, v]) => old[k as keyof PersonRecord] !== v)) {
      people.push({ ...old, ...m, updatedAt: now });
    }
  }
  const kept = new Set(members.map((m) => m.id));
  for (const p of existing?.people ?? []) {
    if (!kept.has(p.id)) people.push({ ...p, deleted: true, updatedAt: now });
  }
  return { household, people };
};
