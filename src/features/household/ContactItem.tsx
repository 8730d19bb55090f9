import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import { contactVersions, type Contact, type Enrolment, type Person } from '../../core';
import { useFormat } from '../../ui/format';
import { useProgrammes } from '../../widgets/programmes';

type Props = {
  contact: Contact;
  all: Contact[];
  people: Person[];
  enrolments: Enrolment[];
  /** An anonymised case: no corrections. */
  readOnly?: boolean;
};

/** One visit: when, what kind, how long, for whom; corrections show their history. */
export const ContactItem = ({ contact, all, people, enrolments, readOnly = false }: Props) => {
  const { t } = useTranslation();
  const programme = useProgrammes();
  const { dateTime, date } = useFormat();
  const [open, setOpen] = useState(false);
  const versions = contact.amends ? contactVersions(all, contact.id) : [contact];
  const names = contact.participantIds
    .map((id) => people.find((p) => p.id === id))
    .filter((p): p is Person => !!p)
    .map((p) => p.firstName);
  const programmes = contact.enrolmentIds
    .map((id) => enrolments.find((e) => e.id === id)?.programme)
    .filter((p): p is Enrolment['programme'] => !!p)
    .map((p) => programme.name(p));
  return (
    <li
      className={contact.kind === 'failed_attempt' ? 'contact contact--failed' : 'contact'}
      data-testid="contact"
    >
      <div className="contact__head">
        <strong>{dateTime(contact.at)}</strong>
        <span>
          {t(`enums.contactKind.${contact.kind}`)} ·{' '}
          {t('common.minutes', { count: contact.minutes })}
        </span>
        {versions.length > 1 && (
          <span className="chip chip--plain">{t('contactList.amended')}</span>
        )}
      </div>
      <div className="muted small">
        {[
          programmes.join(', '),
          names.join(', '),
          contact.topics.map((x) => t(`enums.topic.${x}`)).join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {contact.note && <div className="note">{contact.note}</div>}
      {contact.nextDate && (
        <div className="small">
          {t('contactForm.nextDate')}: {date(contact.nextDate)}{' '}
          {contact.nextStep && `– ${contact.nextStep}`}
        </div>
      )}
      <div className="contact__actions">
        {!readOnly && (
          <Link to={`/households/${contact.householdId}/contacts/${contact.id}/amend`}>
            {t('actions.amend')}
          </Link>
        )}
        {versions.length > 1 && (
          <button
            type="button"
            className="link-button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? t('actions.hideHistory') : t('actions.history')}
          </button>
        )}
      </div>
      {open && (
        <ol className="versions" aria-label={t('contactList.versions')}>
          {versions.map((v, i) => (
            <li key={v.id}>
              <span className="muted small">
                {dateTime(v.createdAt)}
                {i === 0 ? ` (${t('contactList.original')})` : ''}
              </span>
              <div>
                {dateTime(v.at)} · {t(`enums.contactKind.${v.kind}`)} ·{' '}
                {t('common.minutes', { count: v.minutes })}
              </div>
              {v.note && <div className="note">{v.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
};
