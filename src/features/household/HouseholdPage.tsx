import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHousehold } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../format';

export const HouseholdPage = () => {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const { id = '' } = useParams();
  const detail = useHousehold(id);

  if (detail === undefined) return <p className="page muted">{t('common.loading')}</p>;
  if (detail === null) return <p className="page empty">{t('household.notFound')}</p>;
  const { household, people, enrolments, contacts } = detail;

  return (
    <section className="page">
      <Link to="/" className="back-link">
        <Icon name="back" size={18} /> {t('common.back')}
      </Link>
      <header className="page__header">
        <h1>{household.label}</h1>
        <span className="muted">
          {household.street}, {t(`enums.district.${household.district}`)}
        </span>
      </header>

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
                  <a className="phone-link" href={`tel:${p.phone.replace(/\s/g, '')}`}>
                    <Icon name="phone" size={16} /> {p.phone}
                  </a>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('household.locality')}: {t(`enums.localityKind.${household.localityKind}`)}
            {household.localityName ? ` · ${household.localityName}` : ''}
          </p>
        </section>

        <section className="card">
          <h2>{t('household.enrolments')}</h2>
          <ul className="plain-list">
            {enrolments.map((e) => (
              <li key={e.id}>
                <span className={`chip chip--${e.programme}`}>
                  {t(`enums.programme.${e.programme}`)}
                </span>{' '}
                <span className="muted">
                  {t(`enums.status.${e.status}`)} ·{' '}
                  {t('household.since', { date: date(e.startDate) })}
                </span>
                {e.lease && (
                  <div className="muted small">
                    {e.lease.end
                      ? t('household.lease', { flat: e.lease.flat, end: date(e.lease.end) })
                      : t('household.leaseOpen', { flat: e.lease.flat })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card">
        <h2>{t('household.contacts')}</h2>
        {contacts.length === 0 ? (
          <p className="muted">{t('household.noContacts')}</p>
        ) : (
          <ul className="plain-list" data-testid="contacts">
            {contacts.map((c) => (
              <li key={c.id} className={c.kind === 'failed_attempt' ? 'muted' : ''}>
                <strong>{dateTime(c.at)}</strong> · {t(`enums.contactKind.${c.kind}`)} ·{' '}
                {t('common.minutes', { count: c.minutes })}
                {c.note && <div className="note">{c.note}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
};
