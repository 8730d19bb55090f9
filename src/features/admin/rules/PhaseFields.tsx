import { useTranslation } from 'react-i18next';
import type { Phase, Requirement } from '../../../core';
import { requirementOfKind, type RequirementKind } from './rule-phases';

const KINDS: readonly RequirementKind[] = ['none', 'min_per_period', 'avg_per_week'];

/** A number typed into a field; an empty field is "not set". */
export const numberOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v));

export const NumberField = (props: {
  label: string;
  value: number | null;
  set: (value: number | null) => void;
  min?: number;
  step?: number;
}) => (
  <label className="field">
    <span>{props.label}</span>
    <input
      type="number"
      min={props.min ?? 1}
      step={props.step}
      value={props.value ?? ''}
      onChange={(e) => props.set(numberOrNull(e.target.value))}
    />
  </label>
);

const RequirementFields = (props: { r: Requirement; set: (r: Requirement) => void }) => {
  const { t } = useTranslation();
  const { r, set } = props;
  if (r.kind === 'avg_per_week')
    return (
      <>
        <NumberField
          label={t('rules.perWeek')}
          min={0.1}
          step={0.1}
          value={r.perWeek}
          set={(v) => set({ ...r, perWeek: v ?? 0 })}
        />
        <NumberField
          label={t('rules.windowWeeks')}
          value={r.windowWeeks}
          set={(v) => set({ ...r, windowWeeks: v ?? 0 })}
        />
      </>
    );
  return (
    <>
      <label className="field">
        <span>{t('rules.period')}</span>
        <select
          value={r.period}
          onChange={(e) => set({ ...r, period: e.target.value as 'iso_week' | 'month' })}
        >
          <option value="iso_week">{t('rules.periods.iso_week')}</option>
          <option value="month">{t('rules.periods.month')}</option>
        </select>
      </label>
      <NumberField label={t('rules.min')} value={r.min} set={(v) => set({ ...r, min: v ?? 0 })} />
    </>
  );
};

/** One phase of a rule: until which day it holds, and what it asks for meanwhile. */
export const PhaseFields = (props: {
  phase: Phase;
  index: number;
  onChange: (p: Phase) => void;
}) => {
  const { t } = useTranslation();
  const { phase, onChange } = props;
  const r = phase.requirement;
  return (
    <fieldset className="fieldset" data-testid="rule-phase">
      <legend>{t('rules.phase', { n: props.index + 1 })}</legend>
      <label className="field">
        <span>{t('rules.fromDay')}</span>
        <input type="number" value={phase.fromDay} readOnly />
      </label>
      <NumberField
        label={t('rules.toDay')}
        value={phase.toDay}
        set={(toDay) => onChange({ ...phase, toDay })}
      />
      <label className="field">
        <span>{t('rules.kind')}</span>
        <select
          value={r?.kind ?? 'none'}
          onChange={(e) =>
            onChange({
              ...phase,
              requirement: requirementOfKind(e.target.value as RequirementKind),
            })
          }
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rules.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {r && <RequirementFields r={r} set={(requirement) => onChange({ ...phase, requirement })} />}
    </fieldset>
  );
};
