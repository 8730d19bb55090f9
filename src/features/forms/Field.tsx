import type { ReactNode } from 'react';

type Props = {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
};

/** A labelled form control with its error, readable at arm's length on a phone. */
export const Field = ({ label, error, hint, children, wide }: Props) => (
  <label className={`field${wide ? ' field--wide' : ''}`}>
    <span>{label}</span>
    {children}
    {hint && !error && <span className="field__hint">{hint}</span>}
    {error && (
      <span className="field__error" role="alert">
        {error}
      </span>
    )}
  </label>
);

export const Fieldset = ({ legend, children }: { legend: string; children: ReactNode }) => (
  <fieldset className="fieldset">
    <legend>{legend}</legend>
    {children}
  </fieldset>
);
