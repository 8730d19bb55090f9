import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactRule, type Phase } from '../../../core';
import { useServices } from '../../../widgets/services';
import { NumberField, PhaseFields } from './PhaseFields';
import { chain, withLastPhaseRemoved, withPhaseAdded } from './rule-phases';

const PhaseButtons = (props: { phases: Phase[]; set: (phases: Phase[]) => void }) => {
  const { t } = useTranslation();
  return (
    <div className="inline-actions">
      <button
        type="button"
        className="button button--small"
        onClick={() => props.set(withPhaseAdded(props.phases))}
      >
        + {t('rules.addPhase')}
      </button>
      {props.phases.length > 1 && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => props.set(withLastPhaseRemoved(props.phases))}
        >
          {t('rules.removePhase')}
        </button>
      )}
    </div>
  );
};

/** A programme's rule being edited; checked by the rule's schema before it is sent. */
export const RuleForm = (props: {
  rule: ContactRule;
  onSaved: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [draft, setDraft] = useState<ContactRule>(props.rule);
  const [error, setError] = useState<string | null>(null);
  const phases = chain(draft.phases);
  const setPhases = (next: Phase[]) => setDraft({ ...draft, phases: chain(next) });
  const save = async () => {
    const parsed = ContactRule.safeParse({ ...draft, phases });
    if (!parsed.success) return setError(t('rules.invalid'));
    try {
      await api.admin.saveRule(session.token, parsed.data);
      props.onSaved();
    } catch {
      setError(t('admin.failed'));
    }
  };
  return (
    <div className="form" data-testid="rule-form">
      {phases.map((p, i) => (
        <PhaseFields
          key={i}
          phase={p}
          index={i}
          onChange={(next) => setPhases(phases.map((x, j) => (j === i ? next : x)))}
        />
      ))}
      <PhaseButtons phases={phases} set={setPhases} />
      <NumberField
        label={t('rules.planWithinDays')}
        value={draft.planWithinDays}
        set={(planWithinDays) => setDraft({ ...draft, planWithinDays })}
      />
      <NumberField
        label={t('rules.leaseWarningDays')}
        value={draft.leaseWarningDays}
        set={(leaseWarningDays) => setDraft({ ...draft, leaseWarningDays })}
      />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="inline-actions">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t('forms.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('forms.cancel')}
        </button>
      </div>
    </div>
  );
};
