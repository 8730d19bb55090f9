import { useState } from 'react';
import { TableScroll } from '../../ui/TableScroll';
import { useTranslation } from 'react-i18next';
import type { RetentionCase, RetentionList } from '../../core';
import { useDistricts } from '../../widgets/districts';
import { useFormat } from '../../ui/format';
import { useProgrammes } from '../../widgets/programmes';

const RetentionRow = (props: {
  c: RetentionCase;
  chosen: boolean;
  toggle: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const districts = useDistricts();
  const { date } = useFormat();
  const { c } = props;
  return (
    <tr>
      <td>
        <label className="check-target">
          <input
            type="checkbox"
            checked={props.chosen}
            onChange={() => props.toggle(c.householdId)}
            aria-label={t('privacy.chooseCase', { label: c.label })}
          />
        </label>
      </td>
      <td className="text">
        {c.label}
        <span className="muted small">
          {' · '}
          {districts.name(c.district)}
        </span>
      </td>
      <td className="text">{c.programmes.map((p) => programmes.name(p)).join(', ')}</td>
      <td>{date(c.closedOn)}</td>
      <td>{date(c.retainUntil)}</td>
    </tr>
  );
};

const RetentionTable = (props: {
  cases: readonly RetentionCase[];
  chosen: ReadonlySet<string>;
  toggle: (id: string) => void;
}) => {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('privacy.retentionTitle')}>
      <table className="report-table" data-testid="retention">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">{t('privacy.choose')}</span>
            </th>
            <th className="text">{t('privacy.household')}</th>
            <th className="text">{t('reports.columns.programme')}</th>
            <th>{t('privacy.closedOn')}</th>
            <th>{t('privacy.retainUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {props.cases.map((c) => (
            <RetentionRow
              key={c.householdId}
              c={c}
              chosen={props.chosen.has(c.householdId)}
              toggle={props.toggle}
            />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

/** Anonymising cannot be undone: it is asked for, then approved. */
const AnonymiseButtons = (props: { count: number; busy: boolean; approve: () => void }) => {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--danger"
        disabled={props.count === 0}
        onClick={() => setConfirming(true)}
      >
        {t('privacy.anonymise', { count: props.count })}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={t('privacy.confirmTitle')}>
      <p>
        <strong>{t('privacy.confirmTitle')}</strong> {t('privacy.confirmText')}
      </p>
      <div className="form-actions__buttons">
        <button
          type="button"
          className="button button--danger"
          disabled={props.busy}
          onClick={props.approve}
        >
          {t('privacy.approve', { count: props.count })}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
};

const toggled = (s: ReadonlySet<string>, id: string) => {
  const next = new Set(s);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/** Closed cases past their retention date, to choose and approve their anonymisation. */
export const RetentionCard = (props: {
  list: RetentionList | null;
  showLoading: boolean;
  busy: boolean;
  /** Answers whether the cases were anonymised (the choice is then cleared). */
  anonymise: (ids: string[]) => Promise<boolean>;
}) => {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // A new key after a success puts the buttons back to their first step.
  const [round, setRound] = useState(0);
  const { list } = props;
  const approve = () =>
    void props.anonymise([...chosen]).then((ok) => {
      if (!ok) return;
      setChosen(new Set());
      setRound((r) => r + 1);
    });
  return (
    <section className="card">
      <h2>{t('privacy.retentionTitle')}</h2>
      <p className="muted small">
        {t('privacy.retentionNote', { years: list?.retentionYears ?? '…' })}
      </p>
      {!list ? (
        props.showLoading && <p className="muted">{t('common.loading')}</p>
      ) : list.cases.length === 0 ? (
        <p className="empty">{t('privacy.noneDue')}</p>
      ) : (
        <>
          <RetentionTable
            cases={list.cases}
            chosen={chosen}
            toggle={(id) => setChosen((s) => toggled(s, id))}
          />
          <AnonymiseButtons key={round} count={chosen.size} busy={props.busy} approve={approve} />
        </>
      )}
    </section>
  );
};
