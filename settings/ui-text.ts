import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import ru from '../public/_locales/ru/messages.json';
import type { Policy } from '../protocol/policy';

export type UiLanguage = 'ru' | 'en';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalogue = Record<string, MessageEntry>;

const CATALOGUES: Record<UiLanguage, Catalogue> = { ru: ru as Catalogue, en: en as Catalogue };

/**
 * The `locale` setting picks the language; `auto` follows the browser. browser.i18n cannot be
 * told another language, so texts are read from the same _locales files directly.
 */
export function uiLanguage(locale: Policy['locale'], browserLanguage: string = safeUiLanguage()): UiLanguage {
  if (locale !== 'auto') return locale;
  return browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

function safeUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'ru';
  }
}

/** A message from _locales in the given language, with Chrome's `$NAME$` placeholders filled from `substitutions`. */
export function uiText(language: UiLanguage, key: string, substitutions: readonly string[] = []): string {
  const entry = CATALOGUES[language][key] ?? CATALOGUES.ru[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const position = content?.match(/^\$(\d)$/)?.[1];
    return position === undefined ? whole : (substitutions[Number(position) - 1] ?? '');
  });
}
