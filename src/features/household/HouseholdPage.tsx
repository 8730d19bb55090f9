import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from '../../ui/routing';
import { caseClosedOn, retentionUntil } from '../../core';
import { recordView } from '../../data/audit';
import { getDb } from '../../data/db';
import { useHousehold } from '../../data/hooks';
import { addressOf, MapLink, PhoneLink } from '../../ui/ContactLinks';
import { Icon } from '../../ui/Icon';
import { QuickContactSheet } from '../../widgets/quick-contact/QuickContactSheet';
import { useDistricts } from '../../widgets/districts';
import { useFormat } from '../../ui/format';
import { SubjectExportButton } from '../../widgets/SubjectExportButton';
import { useServices } from '../../widgets/services';
import { ContactItem } from './ContactItem';
import { EnrolmentsCard } from './EnrolmentsCard';
import { HouseholdNotices } from './HouseholdNotices';

const PAGE = 30;

export const HouseholdPage = () => {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { session } = useServices();
  const { id = '' } = useParams();
  const detail = useHousehold(id);
  const districts = useDistricts();
  const [sheet, setSheet] = useState(false);
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    // Opening a client's record is logged (docs/security.md item 12), offline too.
    if (id) void recordView(getDb(), 'household', id).catch(() => undefined);
  }, [id]);

  if (detail === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (detail === null) return <p className="page empty">{t('household.notFound')}</p>;
  const { household, people, enrolments, contacts, allContacts } = detail;
  const closedOn = caseClosedOn(enrolments);
  const retainUntil = retentionUntil(enrolments, session.policy.retentionYears);

  return (
    <section className="page">
      <Link to="/" className="back-link">
        <Icon name="back" size={18} /> {t('common.back')}
      </Link>
      <header className="page__header">
        <div>
          <h1>{household.label}</h1>
          <span className="muted">
            {t(`enums.localityKind.${household.localityKind}`)}
            {household.localityName ? ` · ${household.localityName}` : ''}
          </span>
          <div className="contact-links" data-testid="household-links">
            <MapLink address={addressOf(household.street, districts.name(household.district))} />
            <PhoneLink phone={household.phone} name={household.label} />
          </div>
        </div>
        {!household.anonymised && (
          <Link className="button button--small" to={`/households/${household.id}/edit`}>
            <Icon name="edit" size={18} /> {t('actions.edit')}
          </Link>
        )}
      </header>
      {household.anonymised && (
        <p className="notice" data-testid="read-only">
          {t('household.anonymised')}
        </p>
      )}

      <HouseholdNotices householdId={household.id} />

      {!household.anonymised && (
        <div className="action-bar">
          <button type="button" className="button button--primary" onClick={() => setSheet(true)}>
            <Icon name="plus" size={20} /> {t('quickContact.open')}
          </button>
          <Link className="button" to={`/households/${household.id}/contacts/new`}>
            {t('actions.logContact')}
          </Link>
        </div>
      )}

      <div className="columns">
        <section className="card">
          <h2>{t('household.people')}</h2>
          <ul className="plain-list">
            {people.map((p) => (
              <li key={p.id}>
                <strong>
                  {p.firstName} {p.lastName}
                </strong>
                <span className="muted">
                  {' · '}
                  {t(`enums.relation.${p.relation}`)}
                  {p.birthYear ? ` · ${t('household.born', { year: p.birthYear })}` : ''}
                </span>
                {p.phone && (
                  <div className="contact-links">
                    <PhoneLink phone={p.phone} name={`${p.firstName} ${p.lastName}`} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>

        <EnrolmentsCard detail={detail} />
      </div>

      <section className="card">
        <h2>{t('household.contacts')}</h2>
        {contacts.length === 0 ? (
          <p className="muted">{t('household.noContacts')}</p>
        ) : (
          <ul className="plain-list" data-testid="contacts">
            {contacts.slice(0, shown).map((c) => (
              <ContactItem
                key={c.id}
                contact={c}
                all={allContacts}
                people={people}
                enrolments={enrolments}
                readOnly={household.anonymised}
              />
            ))}
          </ul>
        )}
        {contacts.length > shown && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setShown(shown + PAGE)}
          >
            {t('contactList.showMore')}
          </button>
        )}
        {detail.olderVisitsMissingBefore && contacts.length <= shown && (
          <p className="muted" data-testid="older-visits-pending">
            {t('household.olderVisitsPending', { date: date(detail.olderVisitsMissingBefore) })}
          </p>
        )}
      </section>
      {household.note && (
        <section className="card">
          <h2>{t('householdForm.note')}</h2>
          <p className="note">{household.note}</p>
        </section>
      )}
      <section className="card">
        <h2>{t('privacy.subjectTitle')}</h2>
        <p className="muted small" data-testid="retention">
          {closedOn && retainUntil
            ? t('privacy.retainedUntil', { closed: date(closedOn), until: date(retainUntil) })
            : t('privacy.openCase')}
        </p>
        {session.user.role === 'supervisor' && <SubjectExportButton householdId={household.id} />}
      </section>
      {sheet && (
        <QuickContactSheet
          household={household}
          people={people}
          enrolments={enrolments}
          onClose={() => setSheet(false)}
        />
      )}
    </section>
  );
};
