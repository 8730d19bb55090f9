import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pragueDate, REPORT_DIMENSIONS, type ReportDimension } from '../../core';
import { useDistricts } from '../../widgets/districts';
import { PeriodFields } from '../../ui/forms/PeriodFields';
import { useProgrammes } from '../../widgets/programmes';

/** What a report is asked for: a period, a breakdown and two filters ('' for all). */
export type ReportQuery = {
  from: string;
  to: string;
  dim: ReportDimension;
  programme: string;
  district: string;
};

const firstQuery = (): ReportQuery => ({
  from: `${new Date().getFullYear()}-01-01`,
  to: pragueDate(new Date()),
  dim: 'month',
  programme: '',
  district: '',
});

const Choice = (props: {
  label: string;
  value: string;
  set: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) => (
  <label className="field">
    <span>{props.label}</span>
    <select value={props.value} onChange={(e) => props.set(e.target.value)}>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
);

/** The report's form; `children` are the buttons shown after the first report. */
export const ReportFilters = (props: {
  loading: boolean;
  show: (query: ReportQuery) => void;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const districts = useDistricts();
  const programmes = useProgrammes();
  const [query, setQuery] = useState(firstQuery);
  const set = (key: keyof ReportQuery) => (value: string) =>
    setQuery((q) => ({ ...q, [key]: value }));
  const all = { value: '', label: t('reports.all') };
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.show(query);
      }}
    >
      <PeriodFields
        from={query.from}
        to={query.to}
        set={(period) => setQuery((q) => ({ ...q, ...period }))}
      />
      <Choice
        label={t('reports.groupBy')}
        value={query.dim}
        set={set('dim')}
        options={REPORT_DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dims.${d}`) }))}
      />
      <Choice
        label={t('reports.columns.programme')}
        value={query.programme}
        set={set('programme')}
        options={[all, ...programmes.list.map((p) => ({ value: p.code, label: p.name }))]}
      />
      <Choice
        label={t('reports.columns.district')}
        value={query.district}
        set={set('district')}
        options={[all, ...districts.list.map((d) => ({ value: d.code, label: d.name }))]}
      />
      <button type="submit" className="button button--primary" disabled={props.loading}>
        {props.loading ? t('reports.loadingReport') : t('reports.show')}
      </button>
      {props.children}
    </form>
  );
};
