import { useTranslation } from 'react-i18next';

type Period = { from: string; to: string };

/** "Od" and "Do" of a report or an export, as dates the browser's picker fills. */
export const PeriodFields = (props: Period & { set: (period: Period) => void }) => {
  const { t } = useTranslation();
  const { from, to, set } = props;
  return (
    <>
      <label className="field">
        <span>{t('reports.from')}</span>
        <input
          autoComplete="off"
          type="date"
          value={from}
          onChange={(e) => set({ from: e.target.value, to })}
        />
      </label>
      <label className="field">
        <span>{t('reports.to')}</span>
        <input
          autoComplete="off"
          type="date"
          value={to}
          onChange={(e) => set({ from, to: e.target.value })}
        />
      </label>
    </>
  );
};
