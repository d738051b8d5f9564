import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import ru from '../public/_locales/ru/messages.json';
import { typeset } from './typography';

/**
 * Picks Russian or English by a locale argument (policy's `locale`; 'auto' = the browser's UI
 * language), unlike browser.i18n.getMessage, which always follows the browser. Reads the same
 * _locales files the manifest uses, so every text lives in exactly one place.
 */
export type UiLocale = 'ru' | 'en';
export type LocaleSetting = UiLocale | 'auto';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, LocaleEntry>;

const CATALOGS: Record<UiLocale, Catalog> = { ru, en };

export function resolveLocale(setting: LocaleSetting, uiLanguage: string = browserUiLanguage()): UiLocale {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'ru';
  }
}

/**
 * Chrome's message format: `$NAME$` refers to a placeholder whose content is `$1`…`$9`. The text
 * comes out typeset (non-breaking spaces), substitutions included.
 */
export function translate(locale: UiLocale, key: string, substitutions: readonly string[] = []): string {
  const entry = CATALOGS[locale][key] ?? CATALOGS.ru[key];
  if (!entry) return key;
  return typeset(locale, fill(entry, substitutions));
}

function fill(entry: LocaleEntry, substitutions: readonly string[]): string {
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? entry.placeholders?.[name]?.content;
    if (content === undefined) return whole;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

export type Translate = (key: string, substitutions?: readonly string[]) => string;

export function translator(locale: UiLocale): Translate {
  return (key, substitutions) => translate(locale, key, substitutions);
}
