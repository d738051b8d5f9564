import { DEFAULT_POLICY, type PolicyKey } from '../protocol/policy';
import type { SettingsProblem } from './resolve';
import { translate, type UiLocale } from '../i18n';

const SHOWN_VALUE_LENGTH = 100;
/** Never echoed back: the popup is in front of a teacher. */
const SECRET_KEYS = new Set(['reportToken']);

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

function fallback(key: string, language: UiLocale): string {
  const value: unknown = (DEFAULT_POLICY as Record<string, unknown>)[key as PolicyKey];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? translate(language, 'settings_emptyValue') : value;
  return translate(language, 'settings_defaultValue');
}

/** One plain sentence, e.g. «Политика: значение "blok" для mode недопустимо, используется inform». */
export function describeProblem(problem: SettingsProblem, language: UiLocale): string {
  const source = translate(language, problem.source === 'managed' ? 'settings_sourceManaged' : 'settings_sourceLocal');
  const value = SECRET_KEYS.has(problem.key) ? translate(language, 'settings_hiddenValue') : shown(problem.value);
  const entry = `${problem.key}[${problem.index ?? 0}]`;
  switch (problem.kind) {
    case 'invalid':
      return translate(language, 'settings_problemInvalid', [source, value, problem.key, fallback(problem.key, language)]);
    case 'unknown-key':
      return translate(language, 'settings_problemUnknownKey', [source, problem.key]);
    case 'not-object':
      return translate(language, 'settings_problemNotObject', [source]);
    case 'invalid-entry':
      return translate(language, 'settings_problemInvalidEntry', [source, entry, value]);
    case 'too-many-entries':
      return translate(language, 'settings_problemTooMany', [source, entry]);
  }
}
