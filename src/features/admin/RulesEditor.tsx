import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRule, Programme } from '../../core';
import { useProgrammes } from '../../widgets/programmes';
import { useDescribeRule } from './rules/describe-rule';
import { RuleForm } from './rules/RuleForm';

type Props = { rules: ContactRule[]; onSaved: () => void };

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
