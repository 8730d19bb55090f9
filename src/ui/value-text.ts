import { useTranslation } from 'react-i18next';
import type { RecordType } from '../core';
import { useFormat } from './format';

/** Where each record type's field names are translated (the labels of its form). */
const FORM_KEYS: Partial<Record<RecordType, string>> = {
  household: 'householdForm',
  person: 'householdForm',
  enrolment: 'enrolmentForm',
  contact: 'contactForm',
  plan: 'plan',
};
/** Field names whose values are translated enums, and where. */
const ENUM_OF: Record<string, string> = {
  kind: 'contactKind',
  topics: 'topic',
  interventions: 'intervention',
  localityKind: 'localityKind',
  relation: 'relation',
  status: 'status',
  closeReason: 'closeReason',
  programme: 'programme',
  district: 'district',
};
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
/** Fields whose form label has another name. */
const LABEL_OF: Record<string, string> = { at: 'date' };
/** Ids, references and bookkeeping mean nothing to a person reading a record. */
const UNREADABLE = new Set(['id', 'householdId', 'createdAt', 'updatedAt', 'deleted', 'teamId']);
const isUnreadable = (field: string) =>
  UNREADABLE.has(field) || /Ids?$/.test(field) || field === 'amends' || field === 'basedOn';

/** Record fields and values in words: for a supervisor deciding between two of them, for a worker reading back a refused change. */
export const useValueText = () => {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useFormat();
  // Keys are built from data here, so they are looked up rather than type-checked.
  const lookup = (key: string, fallback: string): string =>
    i18n.exists(key) ? String(i18n.t(key as never)) : fallback;

  const one = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('syncIssues.yes') : t('syncIssues.no');
    if (typeof v === 'string') {
      const enumKey = ENUM_OF[field];
      if (enumKey) return lookup(`enums.${enumKey}.${v}`, v);
      if (DATE_TIME.test(v)) return dateTime(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v);
      return v;
    }
    if (typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };

  const field = (type: RecordType, name: string) => {
    const form = FORM_KEYS[type];
    return form ? lookup(`${form}.${LABEL_OF[name] ?? name}`, name) : name;
  };
  const value = (name: string, v: unknown): string =>
    Array.isArray(v) ? (v.length ? v.map((x) => one(name, x)).join(', ') : '—') : one(name, v);

  return {
    field,
    value,
    /** The fields of a record a person can read, as label and value, empty ones left out. */
    readable: (type: RecordType, r: Record<string, unknown>): [string, string][] =>
      Object.entries(r)
        .filter(([k]) => !isUnreadable(k))
        .map(([k, v]): [string, string] => [field(type, k), value(k, v)])
        .filter(([, text]) => text !== '—'),
    /** One line saying what the record is. */
    summary: (type: RecordType, r: Record<string, unknown>): string => {
      if (type === 'contact')
        return [
          typeof r.at === 'string' ? dateTime(r.at) : '',
          one('kind', r.kind),
          typeof r.minutes === 'number' ? t('common.minutes', { count: r.minutes }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
      if (type === 'enrolment') return one('programme', r.programme);
      if (type === 'household') return typeof r.label === 'string' ? r.label : '';
      return '';
    },
  };
};
