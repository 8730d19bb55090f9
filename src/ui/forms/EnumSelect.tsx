import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { cs } from '../../i18n/locales/cs';
import { Field } from './Field';

type Enums = (typeof cs)['enums'];
/** The enums with translated values, under `enums.*` in the locales. */
export type EnumName = keyof Enums;
type EnumKey = { [E in EnumName]: `enums.${E}.${keyof Enums[E] & string}` }[EnumName];

type Props<E extends EnumName> = {
  label: string;
  /** Names the options: each value `v` reads as `t('enums.<enumName>.<v>')`. */
  enumName: E;
  /** The values offered, in this order; a value without a translation fails typecheck. */
  values: readonly (keyof Enums[E] & string)[];
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  /** Text of a leading option with the value "", for a choice that may stay open. */
  empty?: string;
  /** Sets `aria-invalid` on the select; left out, the attribute is not rendered. */
  invalid?: boolean;
};

/** A labelled select over an enum, its options named in the user's language. */
export const EnumSelect = <E extends EnumName>({
  label,
  enumName,
  values,
  registration,
  error,
  empty,
  invalid,
}: Props<E>) => {
  const { t } = useTranslation();
  // Sound by the types of `enumName` and `values`, which TS cannot follow into the template.
  const name = (value: string) => t(`enums.${enumName}.${value}` as EnumKey);
  return (
    <Field label={label} error={error}>
      <select {...registration} aria-invalid={invalid}>
        {empty !== undefined && <option value="">{empty}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </Field>
  );
};
