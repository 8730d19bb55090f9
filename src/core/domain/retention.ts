import type { Enrolment } from '../records/enrolment';
import { RECORD_SCHEMAS, type AnyRecord, type RecordType } from '../records';
import { addMonths } from '../time/prague';

/** Years a closed case is kept before it is due for shredding, unless configured otherwise. */
export const DEFAULT_RETENTION_YEARS = 10;

/**
 * The day a household's case closed: when its last enrolment closed. Null while any
 * enrolment is open (or there is none), since an open case is never due for shredding.
 */
export const caseClosedOn = (
  enrolments: readonly Pick<Enrolment, 'status' | 'closedOn' | 'deleted'>[],
): string | null => {
  const live = enrolments.filter((e) => !e.deleted);
  if (live.length === 0) return null;
  let last: string | null = null;
  for (const e of live) {
    if (e.status !== 'closed' || !e.closedOn) return null;
    if (!last || e.closedOn > last) last = e.closedOn;
  }
  return last;
};

/** The retention date of a closed case (closing day + the retention period). */
export const retentionUntil = (
  enrolments: readonly Pick<Enrolment, 'status' | 'closedOn' | 'deleted'>[],
  years: number = DEFAULT_RETENTION_YEARS,
): string | null => {
  const closed = caseClosedOn(enrolments);
  return closed ? addMonths(closed, 12 * years) : null;
};

export const ANONYMISED = 'Anonymizováno';

/** Only the fields the schema knows survive: a newer app's extra field may hold anything. */
const known = (type: RecordType, record: AnyRecord): Record<string, unknown> => {
  const shape = RECORD_SCHEMAS[type].shape as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k in shape));
};

/**
 * A record with everything that could identify a person removed (GDPR art. 17 after the
 * retention period): names, addresses, phones, notes and free text go; what indicators
 * need stays (programme, district, dates, minutes, kinds, topics), and a birth year
 * becomes its decade.
 */
export const anonymiseRecord = <R extends AnyRecord>(type: RecordType, record: R): R => {
  const r = known(type, record);
  switch (type) {
    case 'household':
      Object.assign(r, {
        label: ANONYMISED,
        street: '',
        localityName: '',
        phone: '',
        note: '',
        anonymised: true,
      });
      break;
    case 'person': {
      const year = r.birthYear as number | null;
      Object.assign(r, {
        firstName: ANONYMISED,
        lastName: ANONYMISED,
        phone: '',
        email: '',
        birthYear: year === null ? null : year - (year % 10),
      });
      break;
    }
    case 'enrolment': {
      const lease = r.lease as { flat: string } | null;
      if (lease) r.lease = { ...lease, flat: '' };
      r.targetGroup = '';
      break;
    }
    case 'contact':
      Object.assign(r, { note: '', nextStep: '', otherParticipants: [] });
      break;
    case 'plan': {
      const goals = r.goals as { text: string; steps: { what: string; who: string }[] }[];
      r.goals = goals.map((g) => ({
        ...g,
        text: ANONYMISED,
        steps: g.steps.map((s) => ({ ...s, what: ANONYMISED, who: '' })),
      }));
      r.evaluation = '';
      break;
    }
    case 'planReview':
      r.text = '';
      break;
  }
  return r as R;
};

/** An age band for evaluators instead of an age, as of a given year. */
export const ageBand = (birthYear: number | null, year: number): string => {
  if (birthYear === null) return '';
  const age = year - birthYear;
  if (age < 18) return '0-17';
  if (age < 26) return '18-25';
  if (age < 40) return '26-39';
  if (age < 65) return '40-64';
  return '65+';
};
