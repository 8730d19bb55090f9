import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactRule, type Phase, type Programme } from '../../core';
import { useServices } from '../../widgets/services';
import { useProgrammes } from '../../widgets/programmes';

type Props = { rules: ContactRule[]; onSaved: () => void };

/** One line a supervisor can read: "days 0–91: at least 1× a week; from day 91: …". */
export const useDescribeRule = () => {
  const { t } = useTranslation();
  return (rule: ContactRule) => {
    const phases = rule.phases.map((p) => {
      const when =
        p.toDay === null
          ? t('rules.describe.daysFrom', { from: p.fromDay })
          : t('rules.describe.days', { from: p.fromDay, to: p.toDay });
      const r = p.requirement;
      const what = !r
        ? t('rules.describe.none')
        : r.kind === 'avg_per_week'
          ? t('rules.describe.avg', { perWeek: r.perWeek, weeks: r.windowWeeks })
          : r.period === 'month'
            ? t('rules.describe.min_month', { min: r.min })
            : t('rules.describe.min_week', { min: r.min });
      return `${when}: ${what}`;
    });
    const plan =
      rule.planWithinDays === null
        ? t('rules.describe.noPlan')
        : t('rules.describe.plan', { days: rule.planWithinDays });
    const lease =
      rule.leaseWarningDays === null
        ? []
        : [t('rules.describe.lease', { days: rule.leaseWarningDays })];
    return [...phases, plan, ...lease].join('; ');
  };
};

const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));

const PhaseFields = ({
  phase,
  index,
  onChange,
}: {
  phase: Phase;
  index: number;
  onChange: (p: Phase) => void;
}) => {
  const { t } = useTranslation();
  const r = phase.requirement;
  const setKind = (kind: string) =>
    onChange({
      ...phase,
      requirement:
        kind === 'min_per_period'
          ? { kind, period: 'iso_week', min: 1 }
          : kind === 'avg_per_week'
            ? { kind, perWeek: 2, windowWeeks: 4 }
            : null,
    });
  return (
    <fieldset className="fieldset" data-testid="rule-phase">
      <legend>{t('rules.phase', { n: index + 1 })}</legend>
      <label className="field">
        <span>{t('rules.fromDay')}</span>
        <input type="number" value={phase.fromDay} readOnly />
      </label>
      <label className="field">
        <span>{t('rules.toDay')}</span>
        <input
          type="number"
          min={1}
          value={phase.toDay ?? ''}
          onChange={(e) => onChange({ ...phase, toDay: num(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>{t('rules.kind')}</span>
        <select value={r?.kind ?? 'none'} onChange={(e) => setKind(e.target.value)}>
          {(['none', 'min_per_period', 'avg_per_week'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`rules.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {r?.kind === 'min_per_period' && (
        <>
          <label className="field">
            <span>{t('rules.period')}</span>
            <select
              value={r.period}
              onChange={(e) =>
                onChange({
                  ...phase,
                  requirement: { ...r, period: e.target.value as 'iso_week' | 'month' },
                })
              }
            >
              <option value="iso_week">{t('rules.periods.iso_week')}</option>
              <option value="month">{t('rules.periods.month')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('rules.min')}</span>
            <input
              type="number"
              min={1}
              value={r.min}
              onChange={(e) =>
                onChange({ ...phase, requirement: { ...r, min: Number(e.target.value) } })
              }
            />
          </label>
        </>
      )}
      {r?.kind === 'avg_per_week' && (
        <>
          <label className="field">
            <span>{t('rules.perWeek')}</span>
            <input
              type="number"
              min={0.1}
              step={0.1}
              value={r.perWeek}
              onChange={(e) =>
                onChange({ ...phase, requirement: { ...r, perWeek: Number(e.target.value) } })
              }
            />
          </label>
          <label className="field">
            <span>{t('rules.windowWeeks')}</span>
            <input
              type="number"
              min={1}
              value={r.windowWeeks}
              onChange={(e) =>
                onChange({ ...phase, requirement: { ...r, windowWeeks: Number(e.target.value) } })
              }
            />
          </label>
        </>
      )}
    </fieldset>
  );
};

/** Phases follow on: each starts where the previous ends. */
const chain = (phases: Phase[]): Phase[] =>
  phases.map((p, i) => ({ ...p, fromDay: i === 0 ? 0 : (phases[i - 1]?.toDay ?? 0) }));

const RuleForm = ({
  rule,
  onSaved,
  onCancel,
}: {
  rule: ContactRule;
  onSaved: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [draft, setDraft] = useState<ContactRule>(rule);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const parsed = ContactRule.safeParse({ ...draft, phases: chain(draft.phases) });
    if (!parsed.success) return setError(t('rules.invalid'));
    try {
      await api.admin.saveRule(session.token, parsed.data);
      onSaved();
    } catch {
      setError(t('admin.failed'));
    }
  };
  const phases = chain(draft.phases);
  return (
    <div className="form" data-testid="rule-form">
      {phases.map((p, i) => (
        <PhaseFields
          key={i}
          phase={p}
          index={i}
          onChange={(next) =>
            setDraft({ ...draft, phases: chain(phases.map((x, j) => (j === i ? next : x))) })
          }
        />
      ))}
      <div className="inline-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const last = phases.at(-1) as Phase;
            const end = last.fromDay + 90;
            setDraft({
              ...draft,
              phases: chain([
                ...phases.slice(0, -1),
                { ...last, toDay: end },
                { fromDay: end, toDay: null, requirement: last.requirement },
              ]),
            });
          }}
        >
          + {t('rules.addPhase')}
        </button>
        {phases.length > 1 && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => {
              const kept = phases.slice(0, -1);
              const last = kept.at(-1) as Phase;
              setDraft({ ...draft, phases: [...kept.slice(0, -1), { ...last, toDay: null }] });
            }}
          >
            {t('rules.removePhase')}
          </button>
        )}
      </div>
      <label className="field">
        <span>{t('rules.planWithinDays')}</span>
        <input
          type="number"
          min={1}
          value={draft.planWithinDays ?? ''}
          onChange={(e) => setDraft({ ...draft, planWithinDays: num(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>{t('rules.leaseWarningDays')}</span>
        <input
          type="number"
          min={1}
          value={draft.leaseWarningDays ?? ''}
          onChange={(e) => setDraft({ ...draft, leaseWarningDays: num(e.target.value) })}
        />
      </label>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="inline-actions">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t('forms.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('forms.cancel')}
        </button>
      </div>
    </div>
  );
};

/** The organisation's contact rules, readable, and editable by an admin. */
export const RulesEditor = ({ rules, onSaved }: Props) => {
  const { t } = useTranslation();
  const describe = useDescribeRule();
  const programmes = useProgrammes();
  const [editing, setEditing] = useState<Programme | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="card">
      <h2>{t('rules.title')}</h2>
      <p className="muted small">{t('rules.intro')}</p>
      {message && <p className="notice">{message}</p>}
      <ul className="plain-list">
        {rules.map((rule) => (
          <li key={rule.programme} data-testid={`rule-${rule.programme}`}>
            <strong>{programmes.name(rule.programme)}</strong>
            <div className="small">{describe(rule)}</div>
            {editing === rule.programme ? (
              <RuleForm
                rule={rule}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  setMessage(t('rules.saved'));
                  onSaved();
                }}
              />
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setMessage(null);
                  setEditing(rule.programme);
                }}
              >
                {t('rules.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
