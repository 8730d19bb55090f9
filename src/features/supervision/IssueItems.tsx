import { useTranslation } from 'react-i18next';
import type { QuarantinedEdit, SyncConflict } from '../../core';
import { Link } from '../../ui/routing';
import { useFormat } from '../../ui/format';
import { refusalKey } from '../../ui/refusal-key';
import { useValueText } from '../../ui/value-text';

/** What an issue item is given: the household's and author's names, and a decision to send. */
type ItemProps<Choice> = {
  household: string;
  author: string;
  busy: boolean;
  onResolve: (choice: Choice) => void;
};

const IssueHeading = (props: { householdId: string; household: string; what: string }) => (
  <p>
    <Link to={`/households/${props.householdId}`}>
      <strong>{props.household}</strong>
    </Link>{' '}
    · {props.what}
  </p>
);

/** Two decisions: the first leaves things as they are, the second (primary) changes them. */
const Decision = <C extends string>(props: {
  choices: readonly [C, C];
  label: (choice: C) => string;
  busy: boolean;
  onResolve: (choice: C) => void;
}) => (
  <div className="form-actions__buttons">
    {props.choices.map((choice, i) => (
      <button
        key={choice}
        type="button"
        className={i === 0 ? 'button' : 'button button--primary'}
        disabled={props.busy}
        onClick={() => props.onResolve(choice)}
      >
        {props.label(choice)}
      </button>
    ))}
  </div>
);

/** A value and who wrote it, when known. */
const AuthoredValue = ({ value, author }: { value: string; author: string | null }) => {
  const { t } = useTranslation();
  return (
    <dd>
      {value}
      {author && (
        <span className="muted small" data-testid="value-author">
          {' '}
          · {t('syncIssues.writtenBy', { name: author })}
        </span>
      )}
    </dd>
  );
};

/** A value overwritten by a concurrent edit: both values side by side, each with its author. */
export const ConflictItem = (
  props: ItemProps<'keep' | 'restore'> & {
    conflict: SyncConflict;
    losingAuthor: string | null;
    winningAuthor: string | null;
  },
) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { field, value } = useValueText();
  const c = props.conflict;
  return (
    <li className="issue">
      <IssueHeading
        householdId={c.householdId}
        household={props.household}
        what={`${t(`syncIssues.types.${c.recordType}`)} · ${field(c.recordType, c.field)}`}
      />
      <dl className="issue__values">
        <dt>{t('syncIssues.current')}</dt>
        <AuthoredValue value={value(c.field, c.current)} author={props.winningAuthor} />
        <dt>{t('syncIssues.overwritten')}</dt>
        <AuthoredValue value={value(c.field, c.losing)} author={props.losingAuthor} />
      </dl>
      <p className="muted small">
        {t('syncIssues.when', { name: props.author, when: dateTime(c.createdAt) })}
      </p>
      <Decision
        choices={['keep', 'restore']}
        label={(choice) => t(`syncIssues.${choice}`)}
        busy={props.busy}
        onResolve={props.onResolve}
      />
    </li>
  );
};

const EditDetails = ({ edit }: { edit: QuarantinedEdit }) => {
  const { t } = useTranslation();
  const { readable } = useValueText();
  return (
    <details>
      <summary>{t('syncIssues.details')}</summary>
      <dl className="issue__values">
        {readable(edit.recordType, edit.record).map(([label, v]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
};

export const QuarantineItem = (
  props: ItemProps<'discard' | 'apply'> & { edit: QuarantinedEdit },
) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { summary } = useValueText();
  const q = props.edit;
  const who = { name: props.author, when: dateTime(q.createdAt) };
  return (
    <li className="issue">
      <IssueHeading
        householdId={q.householdId}
        household={props.household}
        what={t(`syncIssues.types.${q.recordType}`)}
      />
      <p>{summary(q.recordType, q.record)}</p>
      <EditDetails edit={q} />
      <p className="muted small">
        {q.reason
          ? `${t('syncIssues.handedOver', who)} ${t(refusalKey('invalid', q.reason))}`
          : t('syncIssues.sentBy', who)}
      </p>
      <Decision
        choices={['discard', 'apply']}
        label={(choice) => t(`syncIssues.${choice}`)}
        busy={props.busy}
        onResolve={props.onResolve}
      />
    </li>
  );
};
