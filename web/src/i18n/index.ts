import dayjs from 'dayjs';
import 'dayjs/locale/ar';
import 'dayjs/locale/vi';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { en } from './en';
import { vi } from './vi';

export const LANGS = ['vi', 'en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_LABEL: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English', ar: 'العربية' };
export const isLang = (s: unknown): s is Lang =>
  typeof s === 'string' && (LANGS as readonly string[]).includes(s);
export const dirOf = (lang: Lang) => (lang === 'ar' ? 'rtl' : 'ltr');

const STORAGE_KEY = 'steerboard.lang';

/** The language to start in: the last one chosen on this device, else the browser's, else Vietnamese. */
export function initialLang(): Lang {
  const saved = safeStorage()?.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  for (const l of navigator.languages ?? [navigator.language]) {
    const tag = l.slice(0, 2).toLowerCase();
    if (isLang(tag)) return tag;
  }
  return 'vi';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export async function initI18n(lang: Lang) {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en }, ar: { translation: ar } },
    lng: lang,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key with no text in any language is a bug the reader would see as `area.code`: say so in
    // the console (the browser tests fail on it), whatever default the screen falls back to.
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => console.error(`i18n: missing key "${key}" (${lngs.join(', ')})`),
  });
  applyDocumentLang(lang);
}

/** Switches the interface language; the document's lang and dir follow (Arabic mirrors the page). */
export async function changeLang(lang: Lang) {
  await i18next.changeLanguage(lang);
  safeStorage()?.setItem(STORAGE_KEY, lang);
  applyDocumentLang(lang);
}

function applyDocumentLang(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

export { i18next };
