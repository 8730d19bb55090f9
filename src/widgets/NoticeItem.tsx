import { useTranslation } from 'react-i18next';
import { getDb } from '../data/db';
import { dismissNotice, type StoredNotice } from '../data/sync-notices';
import { useFormat } from '../ui/format';
import { useValueText } from '../ui/value-text';

/** A held change or a replaced value: read, then dismissed. */
export const NoticeItem = ({ notice: n }: { notice: StoredNotice }) => {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const { field, value } = useValueText();
  return (
    <li className="issue">
      {n.kind === 'held' ? (
        <p>
          {t('syncChanges.heldText', {
            what: t(`syncIssues.types.${n.recordType}`),
            when: date(n.when.slice(0, 10)),
          })}
          {n.minutes !== undefined && ` · ${t('common.minutes', { count: n.minutes })}`}
        </p>
      ) : (
        <p>
          {t('syncChanges.replacedText', {
            field: field(n.recordType, n.field),
            mine: value(n.field, n.mine),
          })}
        </p>
      )}
      <p className="muted small">{dateTime(n.at)}</p>
      <div className="form-actions__buttons">
        <button type="button" className="button" onClick={() => void dismissNotice(getDb(), n.key)}>
          {t('syncChanges.dismiss')}
        </button>
      </div>
    </li>
  );
};
