import type { Contact } from '../records/contact';

/**
 * Splits a visit's minutes across the enrolments it served so that hours add up exactly:
 * whole minutes, largest remainder first, ties broken by enrolment id so every device and
 * the server compute the same split.
 */
export const splitMinutes = (
  minutes: number,
  enrolmentIds: readonly string[],
): Map<string, number> => {
  const ids = [...new Set(enrolmentIds)].sort();
  const split = new Map<string, number>();
  if (ids.length === 0) return split;
  const base = Math.floor(minutes / ids.length);
  let rest = minutes - base * ids.length;
  for (const id of ids) {
    split.set(id, base + (rest > 0 ? 1 : 0));
    rest--;
  }
  return split;
};

/**
 * Contacts are append-only: a correction is a new contact that `amends` another. The
 * effective list holds the latest version of each visit; superseded ones stay in history.
 */
export const effectiveContacts = <C extends Pick<Contact, 'id' | 'amends' | 'deleted'>>(
  contacts: readonly C[],
): C[] => {
  const superseded = new Set(contacts.flatMap((c) => (c.amends ? [c.amends] : [])));
  return contacts.filter((c) => !c.deleted && !superseded.has(c.id));
};

/** The versions of one visit, oldest first, following `amends` links back from `id`. */
export const contactVersions = <C extends Pick<Contact, 'id' | 'amends'>>(
  contacts: readonly C[],
  id: string,
): C[] => {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const chain: C[] = [];
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.amends ? byId.get(c.amends) : undefined) {
    seen.add(c.id);
    chain.unshift(c);
  }
  return chain;
};

/** Duration prefilled for each kind of contact, in minutes: the usual, not a rule. */
export const DEFAULT_MINUTES = {
  home_visit: 30,
  office: 30,
  phone: 10,
  accompaniment: 60,
  outreach: 20,
  group: 60,
  failed_attempt: 10,
} as const satisfies Record<Contact['kind'], number>;

/**
 * Clocks of devices differ and a worker rounds the time of a visit: a contact this much
 * ahead of now is still taken as now.
 */
export const FUTURE_MARGIN_MINUTES = 15;

/** Whether a contact is dated ahead of now by more than the margin (a typo, mostly). */
export const isFutureContact = (at: string, now: Date): boolean =>
  Date.parse(at) - now.getTime() > FUTURE_MARGIN_MINUTES * 60_000;

/**
 * Taking a contact back (the quick sheet's undo): a deleted correction of it, so counts,
 * lists and reports leave it out while its history keeps what was recorded and undone.
 */
export const withdrawal = <C extends Contact>(contact: C, id: string, now: string): C => ({
  ...contact,
  id,
  amends: contact.id,
  deleted: true,
  createdAt: now,
  updatedAt: now,
});
