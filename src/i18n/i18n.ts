import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs } from './locales/cs';
import { en } from './locales/en';

export const LANGUAGES = ['cs', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
// The language is a UI preference, not client data, so localStorage is acceptable here.
const STORAGE_KEY = 'teren.language';

const initialLanguage = (): Language => {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'cs';
};

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { cs: { translation: cs }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'cs',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const setLanguage = async (lng: Language) => {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
};
