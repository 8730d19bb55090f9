import type { UseFormRegisterReturn } from 'react-hook-form';

type Option = { value: string; label: string };

/** A group of large checkboxes (tap targets for gloved fingers), one form field. */
export const CheckGroup = ({
  legend,
  options,
  registration,
  error,
  testId,
}: {
  legend: string;
  options: Option[];
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  testId?: string;
}) => (
  <fieldset className="check-group" data-testid={testId}>
    <legend>{legend}</legend>
    <div className="check-group__options">
      {options.map((o) => (
        <label key={o.value} className="check check--pill">
          <input type="checkbox" value={o.value} {...registration} />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
    {error && (
      <span className="field__error" role="alert">
        {error}
      </span>
    )}
  </fieldset>
);
