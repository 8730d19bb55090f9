import { z } from 'zod';
import { i18n } from '../../i18n/i18n';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const isEmpty = (input: unknown) =>
  input === undefined || input === null || input === '' || Number.isNaN(input);

/**
 * Plain Czech (or English) messages for validation errors of the shared schemas, in the
 * words of a form rather than of a type checker.
 */
const message = (issue: Issue): string => {
  const t = i18n.t.bind(i18n);
  switch (issue.code) {
    case 'invalid_type':
      // An empty number field gives NaN: it is left empty, not "not valid".
      if (isEmpty(issue.input)) return t('forms.required');
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return t('forms.wholeNumber');
      return issue.expected === 'number' || issue.expected === 'int'
        ? t('forms.number')
        : t('forms.invalid');
    case 'not_multiple_of':
      return t('forms.wholeNumber');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('forms.required');
      if (issue.origin === 'array')
        return t('forms.chooseAtLeast', { count: Number(issue.minimum) });
      return t('forms.min', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { max: String(issue.maximum) });
      return t('forms.max', { max: String(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('forms.email');
      if (issue.format === 'date' || issue.format === 'datetime') return t('forms.date');
      if (issue.format === 'time') return t('forms.time');
      if (issue.format === 'regex') return t('forms.phone');
      return t('forms.invalid');
    case 'invalid_value':
      return t('forms.choose');
    default:
      return t('forms.invalid');
  }
};

export const installZodMessages = () => z.config({ customError: message });
