import type { Contact, ContactFacts } from '../../core';
import { decodeRecord } from '../crypto/vault';
import type { TerenDb } from '../db';

/**
 * Contacts since a moment, as the rules engine needs them. Their facts are stored readable,
 * so nothing is decrypted, except contacts sealed by an older version of the app (before
 * `enrolmentIds` was kept readable), which are decrypted as before.
 */
export const contactFactsSince = async (
  db: TerenDb,
  since: string,
  households?: ReadonlySet<string>,
): Promise<ContactFacts[]> => {
  const rows = await db.contacts.where('at').aboveOrEqual(since).toArray();
  const wanted = households ? rows.filter((r) => households.has(r.householdId)) : rows;
  return Promise.all(wanted.map((r) => ('enrolmentIds' in r ? r : decodeRecord<Contact>(r))));
};
