import { useTranslation } from 'react-i18next';
import { LOCALITY_KINDS, URGENCIES } from '../../core';
import { CASE_NEEDS, type CaseloadFilters } from '../../data/queries/caseload-filter';
import { useDistricts } from '../../widgets/districts';
import { useProgrammes } from '../../widgets/programmes';
import { useServices } from '../../widgets/services';

type Props = {
  filters: CaseloadFilters;
  set: <K extends keyof CaseloadFilters>(key: K, value: CaseloadFilters[K]) => void;
  clear: () => void;
};

/** One labelled select of a filter, "any" first. */
const FilterSelect = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) => {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('caseload.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
};

/** The caseload's filters: urgency, programme, district, kind of locality, and worker. */
export const CaseloadFilterPanel = ({ filters, set, clear }: Props) => {
  const { t } = useTranslation();
  const { session } = useServices();
  const programmes = useProgrammes();
  const districts = useDistricts();
  const urgencies = [
    { value: 'attention', label: t('caseload.filters.attention') },
    ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
  ];
  return (
    <div className="filter-panel" data-testid="caseload-filters">
      <FilterSelect
        label={t('caseload.filters.urgency')}
        value={filters.urgency}
        options={urgencies}
        onChange={(v) => set('urgency', v as CaseloadFilters['urgency'])}
      />
      <FilterSelect
        label={t('caseload.filters.programme')}
        value={filters.programme}
        options={programmes.list.map((p) => ({ value: p.code, label: p.name }))}
        onChange={(v) => set('programme', v)}
      />
      <FilterSelect
        label={t('caseload.filters.district')}
        value={filters.district}
        options={districts.list.map((d) => ({ value: d.code, label: d.name }))}
        onChange={(v) => set('district', v)}
      />
      <FilterSelect
        label={t('caseload.filters.localityKind')}
        value={filters.localityKind}
        options={LOCALITY_KINDS.map((k) => ({ value: k, label: t(`enums.localityKind.${k}`) }))}
        onChange={(v) => set('localityKind', v as CaseloadFilters['localityKind'])}
      />
      <FilterSelect
        label={t('caseload.filters.need')}
        value={filters.need}
        options={CASE_NEEDS.map((n) => ({ value: n, label: t(`caseload.filters.needs.${n}`) }))}
        onChange={(v) => set('need', v as CaseloadFilters['need'])}
      />
      {session.user.role !== 'worker' && session.team.length > 0 && (
        <FilterSelect
          label={t('caseload.filters.worker')}
          value={filters.workerId}
          options={session.team.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(v) => set('workerId', v)}
        />
      )}
      <button type="button" className="link-button" onClick={clear}>
        {t('caseload.filters.clear')}
      </button>
    </div>
  );
};
