import type { ReactNode } from 'react';

type Props = {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
};

/** A labelled form control with its hint or error, readable at arm's length on a phone. */
export const Field = ({ label, error, hint, children, wide }: Props) => (
  <div className={`field${wide ? ' field--wide' : ''}`}>
    <label className="field__label">
      <span>{label}</span>
      {children}
    </label>
    {hint && !error && <span className="field__hint">{hint}</span>}
    {error && (
      <span className="field__error" role="alert">
        {error}
      </span>
    )}
  </div>
);

export const Fieldset = ({ legend, children }: { legend: string; children: ReactNode }) => (
  <fieldset className="fieldset">
    <legend>{legend}</legend>
    {children}
  </fieldset>
);
