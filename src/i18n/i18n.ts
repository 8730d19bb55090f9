import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs } from './locales/cs';

export const LANGUAGES = ['cs', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
// The language is a UI preference, not client data, so localStorage is acceptable here.
const STORAGE_KEY = 'teren.language';

const initialLanguage = (): Language => {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'cs';
};

export const i18n = i18next.createInstance();

/** English is loaded when chosen: most users never need it, and it need not slow the start. */
const loadLanguage = async (lng: Language) => {
  if (lng === 'cs' || i18n.hasResourceBundle(lng, 'translation')) return;
  const { en } = await import('./locales/en');
  i18n.addResourceBundle('en', 'translation', en);
};

const startLanguage = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { cs: { translation: cs } },
  lng: startLanguage,
  fallbackLng: 'cs',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (startLanguage !== 'cs')
  void loadLanguage(startLanguage).then(() => i18n.changeLanguage(startLanguage));

export const setLanguage = async (lng: Language) => {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  await loadLanguage(lng);
  await i18n.changeLanguage(lng);
};
