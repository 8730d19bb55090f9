import type { cs } from './locales/cs';

// Translation keys are checked at compile time: a typo or a missing key fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof cs };
  }
}
