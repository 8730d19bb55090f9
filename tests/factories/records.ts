import {
  newId,
  type Contact,
  type Enrolment,
  type Household,
  type Person,
  type Plan,
  type PlanReview,
} from '../../src/core';

// Fake records for tests: invented names only, overridable per test.
const stamp = '2026-01-05T09:00:00.000Z';

export const aHousehold = (over: Partial<Household> = {}): Household => ({
  id: newId(),
  teamId: '00000000-0000-4000-8000-000000000001',
  label: 'Testovací',
  street: 'Zkušební 1',
  city: 'Ostrava',
  district: 'poruba',
  localityKind: 'svl',
  localityName: '',
  phone: '',
  note: '',
  anonymised: false,
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});

export const aPerson = (householdId: string, over: Partial<Person> = {}): Person => ({
  id: newId(),
  householdId,
  firstName: 'Alois',
  lastName: 'Vymyšlený',
  birthYear: 1980,
  relation: 'head',
  phone: '',
  email: '',
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});

export const anEnrolment = (householdId: string, over: Partial<Enrolment> = {}): Enrolment => ({
  id: newId(),
  householdId,
  programme: 'social_housing',
  startDate: '2026-01-05',
  workerId: '00000000-0000-4000-8000-0000000000a1',
  targetGroup: '',
  status: 'active',
  closedOn: null,
  closeReason: null,
  lease: null,
  consent: { given: true, date: '2026-01-05', legalBasis: 'consent' },
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});

export const aContact = (
  householdId: string,
  enrolmentId: string,
  over: Partial<Contact> = {},
): Contact => ({
  id: newId(),
  householdId,
  enrolmentIds: [enrolmentId],
  participantIds: [],
  otherParticipants: [],
  workerId: '00000000-0000-4000-8000-0000000000a1',
  at: '2026-01-12T10:00:00.000Z',
  minutes: 30,
  kind: 'home_visit',
  topics: [],
  interventions: [],
  note: '',
  nextStep: '',
  nextDate: null,
  amends: null,
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});

export const aPlan = (enrolment: Enrolment, over: Partial<Plan> = {}): Plan => ({
  id: newId(),
  householdId: enrolment.householdId,
  enrolmentId: enrolment.id,
  revision: 1,
  basedOn: null,
  authorId: enrolment.workerId,
  personId: null,
  goals: [{ id: newId(), area: 'housing', text: 'Udržet si byt', steps: [] }],
  reviewDate: null,
  clientAgreed: true,
  evaluation: '',
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});

export const aPlanReview = (
  plan: Plan,
  authorId: string,
  over: Partial<PlanReview> = {},
): PlanReview => ({
  id: newId(),
  householdId: plan.householdId,
  enrolmentId: plan.enrolmentId,
  planId: plan.id,
  authorId,
  text: 'Komentář',
  signedOff: false,
  createdAt: stamp,
  updatedAt: stamp,
  deleted: false,
  ...over,
});
